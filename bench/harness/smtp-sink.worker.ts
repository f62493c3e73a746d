import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';

/** What the sink's thread tells the bench: where it listens, then each message received. */
export type SinkMessage = { type: 'listening'; port: number } | { type: 'failed'; message: string } | { type: 'received'; recipients: string[]; at: number };

/**
 * The bench's SMTP server, on a thread of its own: its replies do not wait for the load generator's
 * event loop (late by up to its `lag p99`), which would otherwise count in every e-mail's time.
 * It does not parse the mail; `at` is when the end of the message's DATA arrived, in epoch ms
 * (`performance.timeOrigin + performance.now()`), comparable across threads.
 */
const port = (workerData as { port: number }).port;
const post = (message: SinkMessage) => parentPort!.postMessage(message);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 1000,
  onData: (stream, session, callback) => {
    stream.on('end', () => {
      const at = performance.timeOrigin + performance.now();
      post({ type: 'received', recipients: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()), at });
      callback();
    });
    stream.resume();
  },
});
server.on('error', () => undefined);
server.server.once('error', (error: Error) => post({ type: 'failed', message: error.message }));
server.listen(port, '127.0.0.1', () => post({ type: 'listening', port: (server.server.address() as AddressInfo).port }));
parentPort!.on('message', (message: unknown) => {
  if (message === 'stop') server.close(() => process.exit(0));
});
