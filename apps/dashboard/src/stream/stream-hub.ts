import { SERVICE_CONFIG, type ServiceConfig } from '#common';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { eventLogRepository } from '../event-log/event-log.repository.js';
import { parseStreamNotice, streamChannel } from '../event-log/stream-notice.js';
import { MissionStream, type StreamSink } from './mission-stream.js';
import { SSE_HEARTBEAT } from './sse.js';

export const STREAM_OPTIONS = Symbol('STREAM_OPTIONS');

export interface StreamOptions {
  /** Comment lines so proxies keep an idle stream open (default 15 s). */
  heartbeatMs?: number;
}

const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * The live side of the mission streams. The event log's transaction notifies a Postgres channel at
 * commit; a dedicated connection LISTENs on it and hands each notice to the open streams of its
 * mission. Postgres delivers notices in commit order, to every dashboard instance, so one path
 * serves one instance or many, with a latency of a round trip. The notice usually carries the
 * CloudEvent itself; when it is too large to, the streams read it from the log. Whenever notices
 * may have been missed (the listener reconnected), every stream catches up from the log.
 */
@Injectable()
export class StreamHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StreamHub.name);
  private readonly streams = new Map<string, Set<MissionStream>>();
  private readonly channel: string;
  private readonly heartbeatMs: number;
  private listener?: pg.Client;
  private heartbeat?: NodeJS.Timeout;
  private reconnectTimer?: NodeJS.Timeout;
  private failures = 0;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(STREAM_OPTIONS) options: StreamOptions,
  ) {
    this.channel = streamChannel(config.schema);
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    void this.listen();
    this.heartbeat = setInterval(() => this.each((stream) => stream.heartbeat(SSE_HEARTBEAT)), this.heartbeatMs);
  }

  /** Before the HTTP server closes: it would otherwise wait for every open stream to end. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.reconnectTimer);
    this.each((stream) => stream.close());
    this.streams.clear();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Opens a stream of the mission after `position`: it replays from the log, then follows live. */
  open(missionId: string, position: number, sink: StreamSink): MissionStream {
    const stream = new MissionStream(missionId, position, sink, (mission, after, limit) =>
      eventLogRepository.after(this.dataSource.manager, mission, after, limit),
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

  /** A dedicated connection, not a pooled one: a pooled connection goes back to the pool and loses its LISTEN. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: `mission-hub:${this.config.schema}:stream`, keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      if (this.stopped) return;
      const delay = Math.min(100 * 2 ** this.failures++, MAX_RECONNECT_DELAY_MS);
      if (this.failures === 1 || this.failures % 20 === 0)
        this.logger.warn({ msg: 'stream listener lost the database; reconnecting', reason: error?.message, delayMs: delay });
      this.reconnectTimer = setTimeout(() => void this.listen(), delay);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (message) => this.onNotice(message.payload));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
      if (this.stopped || lost) {
        await client.end().catch(() => undefined);
        return;
      }
      this.listener = client;
      if (this.failures > 0) this.logger.log({ msg: 'stream listener reconnected' });
      this.failures = 0;
      // Notices sent while no one listened are gone: whatever they announced is in the log.
      this.each((stream) => this.catchUp(stream));
    } catch (error) {
      onLost(error as Error);
    }
  }
}
