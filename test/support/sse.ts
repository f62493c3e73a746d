import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { eventually } from './eventually.js';

/** A live SSE subscription read the way a browser's EventSource would, with its raw messages kept. */
export class SseClient {
  readonly messages: EventSourceMessage[] = [];
  readonly comments: string[] = [];
  status = 0;
  /** The server ended the stream (not `close()`). */
  endedByServer = false;
  private readonly abort = new AbortController();
  private done?: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async open(): Promise<this> {
    const response = await fetch(this.url, { headers: { accept: 'text/event-stream', ...this.headers }, signal: this.abort.signal });
    this.status = response.status;
    if (!response.ok || !response.body) return this;
    const parser = createParser({ onEvent: (message) => this.messages.push(message), onComment: (comment) => this.comments.push(comment) });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    this.done = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            this.endedByServer = true;
            return;
          }
          parser.feed(value);
        }
      } catch {
        // aborted by close()
      }
    })();
    return this;
  }

  events(): Array<{ id: string | undefined; type: string | undefined; data: any }> {
    return this.messages.map((message) => ({ id: message.id, type: message.event, data: JSON.parse(message.data) }));
  }

  waitFor(predicate: (event: { id: string | undefined; type: string | undefined; data: any }) => boolean, what = 'an SSE event', timeoutMs = 15_000) {
    return eventually(() => this.events().find(predicate), { timeoutMs, what });
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
