import type { LoggedEvent } from '../event-log/event-log.repository.js';
import { sseMessage } from './sse.js';

/** Where a stream writes: the HTTP response, behind an interface so the stream's logic is testable alone. */
export interface StreamSink {
  /** False when the client has not taken what was written before. */
  write(chunk: string): boolean;
  bufferedBytes(): number;
  /** Resolves when the client has taken its buffer, or has gone. */
  drained(): Promise<void>;
  end(): void;
}

export type ReadAfter = (missionId: string, position: number, limit: number) => Promise<LoggedEvent[]>;

const REPLAY_PAGE = 500;
/** A live client this far behind is cut off; its EventSource reconnects and resumes from the log. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * One client's view of one mission's log: it replays what comes after the client's position, then
 * follows live events, in position order and each once. Live events that arrive while it replays
 * wait and follow the replay; anything at or below the last position sent is already sent.
 */
export class MissionStream {
  private lastPosition: number;
  private replaying = false;
  private replayAgain = false;
  private held: LoggedEvent[] = [];
  private closed = false;

  constructor(
    readonly missionId: string,
    after: number,
    private readonly sink: StreamSink,
    private readonly readAfter: ReadAfter,
  ) {
    this.lastPosition = after;
  }

  get position(): number {
    return this.lastPosition;
  }

  /** Reads the log after the last position sent; called when the stream opens and whenever live notices may have been missed. */
  async catchUp(): Promise<void> {
    if (this.replaying) {
      this.replayAgain = true;
      return;
    }
    this.replaying = true;
    try {
      do {
        this.replayAgain = false;
        for (;;) {
          const page = await this.readAfter(this.missionId, this.lastPosition, REPLAY_PAGE);
          for (const event of page) this.send(event);
          if (this.closed || page.length < REPLAY_PAGE) break;
          if (this.sink.bufferedBytes() > 0) await this.sink.drained();
        }
      } while (this.replayAgain && !this.closed);
      this.replaying = false;
      for (const event of this.held.splice(0)) this.send(event);
    } catch (error) {
      // The client reconnects with Last-Event-ID and resumes where this left off.
      this.close();
      throw error;
    } finally {
      this.replaying = false;
    }
  }

  /** A live event of this mission, just committed. */
  offer(event: LoggedEvent): void {
    if (this.closed) return;
    if (this.replaying) this.held.push(event);
    else this.send(event);
  }

  heartbeat(chunk: string): void {
    if (!this.closed) this.sink.write(chunk);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.held = [];
    this.sink.end();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private send(event: LoggedEvent): void {
    if (this.closed || event.position <= this.lastPosition) return;
    this.sink.write(sseMessage(event));
    this.lastPosition = event.position;
    if (!this.replaying && this.sink.bufferedBytes() > MAX_BUFFERED_BYTES) this.close();
  }
}
