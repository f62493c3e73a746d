import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';

/**
 * The SMTP server notifications delivers to during the run. It does not parse the mail (that would
 * spend the load generator's CPU): it notes when each recipient's message was fully received.
 */
export class BenchSmtpSink {
  /** Recipient (lower case) → when the end of its message's DATA arrived. */
  readonly arrivals = new Map<string, number>();
  received = 0;
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      maxClients: 1000,
      onData: (stream, session, callback) => {
        stream.on('end', () => {
          const now = performance.now();
          this.received += 1;
          for (const recipient of session.envelope.rcptTo) {
            const address = recipient.address.toLowerCase();
            if (!this.arrivals.has(address)) this.arrivals.set(address, now);
          }
          callback();
        });
        stream.resume();
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.server!.server.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
