import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { SinkMessage } from './smtp-sink.worker.js';

/**
 * The SMTP server notifications delivers to during the run, on a thread of its own (see
 * smtp-sink.worker.ts). It does not parse the mail (that would spend the machine's CPU): it notes
 * when each recipient's message was fully received.
 */
export class BenchSmtpSink {
  /** Recipient (lower case) → when the end of its message's DATA arrived (`performance.now()` of this thread). */
  readonly arrivals = new Map<string, number>();
  received = 0;
  private worker?: Worker;
  port = 0;

  async start(port = 0): Promise<this> {
    const worker = new Worker(new URL('./smtp-sink.worker.js', import.meta.url), { workerData: { port } });
    this.worker = worker;
    this.port = await new Promise<number>((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: SinkMessage) => {
        if (message.type === 'listening') resolve(message.port);
        else if (message.type === 'failed') reject(new Error(message.message));
        else this.note(message.recipients, message.at - performance.timeOrigin);
      });
    });
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
    await worker.terminate();
  }

  private note(recipients: readonly string[], at: number): void {
    this.received += 1;
    for (const address of recipients) if (!this.arrivals.has(address)) this.arrivals.set(address, at);
  }
}
