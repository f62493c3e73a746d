import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { eventually } from './eventually.js';
import type { SinkMessage } from './smtp-sink.worker.js';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  headers: ParsedMail['headers'];
  eventId: string | undefined;
  /** Its iCalendar parts (`text/calendar`), the invitation first, as text. */
  calendars: string[];
}

/** A real SMTP server on a free port that keeps what it is sent; it can be told to refuse mail. */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private refusing = false;
  /** Addresses refused for good (550 at RCPT TO), as a server refuses an unknown mailbox: a bounce. */
  private readonly bounced = new Set<string>();
  /** While stalled: the greetings held back, released by `stall(false)`. */
  private stalled: (() => void)[] | null = null;
  private readonly sockets = new Set<Socket>();
  private server!: SMTPServer;
  port = 0;
  /** Runs as each message has been received and before it is accepted (250): the moment a sender's e-mail has gone. */
  beforeAccepting?: (mail: ReceivedMail) => void;

  async start(): Promise<this> {
    this.server = sinkServer({
      onRcptTo: (address, _session, callback) => {
        if (this.bounced.has(address.address.toLowerCase())) callback(Object.assign(new Error('no such mailbox (test)'), { responseCode: 550 }));
        else callback();
      },
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
            const received: ReceivedMail = {
              to: [mail.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? '')),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId ?? '',
              headers: mail.headers,
              eventId: mail.headers.get('x-mission-hub-event') as string | undefined,
              calendars: mail.attachments.filter((part) => part.contentType.startsWith('text/calendar')).map((part) => part.content.toString('utf8')),
            };
            this.received.push(received);
            this.beforeAccepting?.(received);
            callback();
          })
          .catch(callback);
      },
    });
    this.server.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    this.port = await listen(this.server, 0);
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(refusing: boolean): void {
    this.refusing = refusing;
  }

  /** Mail to `address` is refused for good from now on (550 at RCPT TO). */
  bounce(address: string): void {
    this.bounced.add(address.toLowerCase());
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

/**
 * The bench's sink: the same server on a thread of its own (smtp-sink.worker.ts), so that its
 * replies do not wait for the load generator's event loop. It does not parse the mail (that would
 * spend the machine's CPU): it notes when each recipient's message was fully received.
 */
export class ThreadedSmtpSink {
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

/** Both sinks' server: any sender, no TLS, no logging; `handlers` say what happens to a connection and a message. */
export function sinkServer(handlers: Pick<SMTPServerOptions, 'onConnect' | 'onData' | 'onRcptTo'>): SMTPServer {
  const server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false, ...handlers });
  // A sender killed mid-session resets its connection; that is the run's doing, not a failure.
  server.on('error', () => undefined);
  return server;
}

/** Listens on 127.0.0.1 (`port` 0: a free one) and says which port; a port that is taken rejects. */
export function listen(server: SMTPServer, port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}
