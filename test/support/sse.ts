import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import { eventually } from './eventually.js';

export interface SseOptions {
  /** Each message as it is parsed, with `performance.now()` of its arrival (the bench times outcomes by it). */
  onEvent?: (message: EventSourceMessage, at: number) => void;
}

/**
 * A live SSE subscription read the way a browser's EventSource would, with its raw messages kept.
 * A connection of its own with no body timeout: a quiet stream is not cut, however long the run.
 */
export class SseClient {
  readonly messages: EventSourceMessage[] = [];
  readonly comments: string[] = [];
  status = 0;
  /** What a refused open answered (a problem document, say). */
  refusal = '';
  /** The server ended the stream (not `close()`). */
  endedByServer = false;
  private readonly target: URL;
  private readonly abort = new AbortController();
  private client?: Client;
  private done?: Promise<void>;

  constructor(
    url: string,
    private readonly headers: Record<string, string> = {},
    private readonly options: SseOptions = {},
  ) {
    this.target = new URL(url);
  }

  /** Resolves once the server has answered; `status` says how (a refusal is no error here, tests check it). */
  async open(): Promise<this> {
    await this.client?.destroy();
    this.client = new Client(this.target.origin, { bodyTimeout: 0, headersTimeout: 10_000 });
    const response = await this.client.request({
      path: `${this.target.pathname}${this.target.search}`,
      method: 'GET',
      headers: { accept: 'text/event-stream', ...this.headers },
      signal: this.abort.signal,
    });
    this.status = response.statusCode;
    if (this.status !== 200) {
      this.refusal = await response.body.text();
      return this;
    }
    const parser = createParser({
      onEvent: (message) => {
        this.messages.push(message);
        this.options.onEvent?.(message, performance.now());
      },
      onComment: (comment) => this.comments.push(comment),
    });
    const decoder = new TextDecoder();
    this.done = (async () => {
      try {
        for await (const chunk of response.body) parser.feed(decoder.decode(chunk as Buffer, { stream: true }));
        this.endedByServer = true;
      } catch {
        // aborted by close()
      }
    })();
    return this;
  }

  /** Opens until the stream answers 200 (the dashboard may not know a new mission yet); fails with the last refusal at the deadline. */
  async openWhenReady(timeoutMs = 20_000): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.open()).status !== 200) {
      if (Date.now() > deadline) throw new Error(`stream ${this.target.pathname} answered ${this.status}: ${this.refusal.slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
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
    await this.client?.destroy().catch(() => undefined);
  }
}
