import { simpleParser } from 'mailparser';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: string;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  language: string | null;
}

/**
 * The development mail catcher: an SMTP server that keeps the last `keep` messages in memory, for
 * `/dev/mail` to show. Nothing is written anywhere, and a restart forgets everything.
 */
export class MailCatcher {
  private readonly kept: CaughtMail[] = [];
  private server: SMTPServer | null = null;

  constructor(private readonly keep = 300) {}

  /** The port it listens on; null until it does. */
  get port(): number | null {
    return this.server ? (this.server.server.address() as AddressInfo).port : null;
  }

  /** Newest first. */
  get messages(): readonly CaughtMail[] {
    return this.kept;
  }

  find(id: string): CaughtMail | undefined {
    return this.kept.find((mail) => mail.id === id);
  }

  /** `smtp://host:port`; resolves with the port it listens on (0 picks one). */
  async listen(url: string): Promise<number> {
    const { hostname, port } = new URL(url);
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.add({
              id: randomUUID(),
              receivedAt: new Date(),
              from: mail.from?.text ?? '',
              to: [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? '')),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : null,
              language: (mail.headers.get('content-language') as string | undefined) ?? null,
            });
            callback();
          })
          .catch(callback);
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(Number(port || 25), hostname.replace(/^\[|\]$/g, ''), () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    return (server.server.address() as AddressInfo).port;
  }

  add(mail: CaughtMail): void {
    this.kept.unshift(mail);
    this.kept.length = Math.min(this.kept.length, this.keep);
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
