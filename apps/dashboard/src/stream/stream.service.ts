import { Metrics, PgChannelListener, SERVICE_CONFIG, Transactions, type ServiceConfig } from '#common';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventLogRepository } from '../event-log/event-log.repository.js';
import { parseStreamNotice, streamChannel } from '../event-log/stream-notice.js';
import { MissionStream, type StreamSink } from './mission-stream.js';
import { SSE_HEARTBEAT } from './sse.js';

export const STREAM_OPTIONS = Symbol('STREAM_OPTIONS');

export interface StreamOptions {
  /** Comment lines so proxies keep an idle stream open (default 15 s). */
  heartbeatMs?: number;
}

/**
 * The live side of the mission streams: a connection LISTENs to the log's commit-time notices and
 * hands each to its mission's open streams. docs/DESIGN.md, "Inside the dashboard".
 */
@Injectable()
export class StreamService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StreamService.name);
  private readonly streams = new Map<string, Set<MissionStream>>();
  private readonly heartbeatMs: number;
  private readonly listener: PgChannelListener;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly transactions: Transactions,
    private readonly eventLog: EventLogRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(STREAM_OPTIONS) options: StreamOptions,
    @Inject(Metrics) metrics: Metrics,
  ) {
    metrics.gauge('mission_hub_dashboard_sse_clients', 'Mission streams open on this instance (server-sent events)', [], (set) =>
      set([...this.streams.values()].reduce((open, streams) => open + streams.size, 0)),
    );
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.listener = new PgChannelListener({
      connection: { connectionString: config.databaseUrl, application_name: `mission-hub:${config.schema}:stream` },
      channel: streamChannel(config.schema),
      name: 'stream listener',
      logger: this.logger,
      onNotification: (payload) => this.onNotice(payload),
      // Notices sent while no one listened are gone: whatever they announced is in the log.
      onListening: () => this.each((stream) => this.catchUp(stream)),
    });
  }

  onApplicationBootstrap(): void {
    this.listener.start();
    this.heartbeat = setInterval(() => this.each((stream) => stream.heartbeat(SSE_HEARTBEAT)), this.heartbeatMs);
  }

  /** Before the HTTP server closes: it would otherwise wait for every open stream to end. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    this.each((stream) => stream.close());
    this.streams.clear();
    await this.listener.stop();
  }

  /** Opens a stream of the mission after `position`: it replays from the log, then follows live. */
  open(missionId: string, position: number, sink: StreamSink): MissionStream {
    const stream = new MissionStream(missionId, position, sink, (mission, after, limit) =>
      this.eventLog.after(this.transactions.outside, mission, after, limit),
    );
    // Registered before the replay reads the log, so no event can fall between the two.
    let streams = this.streams.get(missionId);
    if (!streams) this.streams.set(missionId, (streams = new Set()));
    streams.add(stream);
    this.catchUp(stream);
    return stream;
  }

  release(stream: MissionStream): void {
    stream.close();
    const streams = this.streams.get(stream.missionId);
    streams?.delete(stream);
    if (streams?.size === 0) this.streams.delete(stream.missionId);
  }

  private onNotice(payload: string | undefined): void {
    const notice = parseStreamNotice(payload ?? '');
    if (!notice) return;
    const streams = this.streams.get(notice.missionId);
    if (!streams) return;
    for (const stream of streams) {
      if (notice.json === null) this.catchUp(stream);
      else stream.offer({ position: notice.position, type: notice.type, json: notice.json });
    }
  }

  private catchUp(stream: MissionStream): void {
    stream.catchUp().catch((error: unknown) => {
      this.logger.warn({ msg: 'stream closed: the event log could not be read', missionId: stream.missionId, reason: (error as Error).message });
      this.release(stream);
    });
  }

  private each(action: (stream: MissionStream) => void): void {
    for (const streams of this.streams.values()) for (const stream of streams) action(stream);
  }
}
