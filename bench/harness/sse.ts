import { createParser } from 'eventsource-parser';
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';

/**
 * The organiser's live stream of one mission, read the way a browser's EventSource would, noting
 * when each registration's outcome (confirmed or waitlisted) arrived, by the event's subject.
 */
export class BenchSseStream {
  readonly arrivals = new Map<string, number>();
  readonly counts = new Map<string, number>();
  private client?: Client;
  private done?: Promise<void>;

  constructor(
    private readonly origin: string,
    private readonly path: string,
    private readonly token: string,
  ) {}

  /** Resolves once the stream answered 200; retries while the dashboard does not know the mission yet. */
  async open(timeoutMs = 20_000): Promise<this> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.client = new Client(this.origin, { bodyTimeout: 0, headersTimeout: 10_000 });
      const response = await this.client.request({
        path: this.path,
        method: 'GET',
        headers: { accept: 'text/event-stream', authorization: `Bearer ${this.token}` },
      });
      if (response.statusCode === 200) {
        this.read(response.body);
        return this;
      }
      const text = await response.body.text();
      await this.client.close();
      if (Date.now() > deadline) throw new Error(`stream ${this.path} answered ${response.statusCode}: ${text.slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private read(body: AsyncIterable<Buffer>): void {
    const parser = createParser({
      onEvent: (message) => {
        const now = performance.now();
        let event: { type?: string; subject?: string };
        try {
          event = JSON.parse(message.data);
        } catch {
          return;
        }
        const type = event.type ?? message.event ?? 'message';
        this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
        if ((type === 'registration.confirmed' || type === 'registration.waitlisted') && event.subject && !this.arrivals.has(event.subject)) {
          this.arrivals.set(event.subject, now);
        }
      },
    });
    const decoder = new TextDecoder();
    this.done = (async () => {
      try {
        for await (const chunk of body) parser.feed(decoder.decode(chunk, { stream: true }));
      } catch {
        // closed by close()
      }
    })();
  }

  async close(): Promise<void> {
    await this.client?.destroy().catch(() => undefined);
    await this.done;
  }
}
