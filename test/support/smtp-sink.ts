import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually.js';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  headers: ParsedMail['headers'];
  eventId: string | undefined;
}

/** A real SMTP server on a free port that keeps what it is sent; it can be told to refuse mail. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private refusing = false;
  /** While stalled: the greetings held back, released by `stall(false)`. */
  private stalled: (() => void)[] | null = null;
  private readonly sockets = new Set<Socket>();
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onConnect: (_session, callback) => {
        if (this.stalled) this.stalled.push(() => callback());
        else callback();
      },
      onData: (stream, _session, callback) => {
        if (this.refusing) {
          stream.resume();
          stream.on('end', () => callback(Object.assign(new Error('mailbox unavailable (test)'), { responseCode: 451 })));
          return;
        }
        simpleParser(stream)
          .then((mail) => {
            this.received.push({
              to: [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? '')),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId ?? '',
              headers: mail.headers,
              eventId: mail.headers.get('x-mission-hub-event') as string | undefined,
            });
            callback();
          })
          .catch(callback);
      },
    });
    // A sender killed mid-session resets its connection; that is the test's doing, not a failure.
    this.server.on('error', () => undefined);
    this.server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(refusing: boolean): void {
    this.refusing = refusing;
  }

  /**
   * A server that accepts connections and then says nothing: the connections open now are closed
   * (the sender opens new ones), and each new one is accepted but never greeted until `stall(false)`.
   */
  stall(stalling: boolean): void {
    if (stalling) {
      this.stalled ??= [];
      for (const socket of this.sockets) socket.destroy();
      return;
    }
    const held = this.stalled ?? [];
    this.stalled = null;
    for (const greet of held) greet();
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address.toLowerCase()) || mail.to.includes(address));
  }

  waitFor(predicate: (mail: ReceivedMail) => boolean, what = 'an e-mail', timeoutMs = 15_000): Promise<ReceivedMail> {
    return eventually(() => this.received.find(predicate), { timeoutMs, what });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
