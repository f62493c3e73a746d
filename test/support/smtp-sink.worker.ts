import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { listen, sinkServer } from './smtp-sink.js';

/** What the sink's thread tells `ThreadedSmtpSink`: where it listens, then each message received. */
export type SinkMessage = { type: 'listening'; port: number } | { type: 'failed'; message: string } | { type: 'received'; recipients: string[]; at: number };

/**
 * `ThreadedSmtpSink`'s server, on a thread of its own. `at` is when the end of the message's DATA
 * arrived, in epoch ms (`performance.timeOrigin + performance.now()`), comparable across threads.
 */
const post = (message: SinkMessage) => parentPort!.postMessage(message);
const server = sinkServer({
  onData: (stream, session, callback) => {
    stream.on('end', () => {
      const at = performance.timeOrigin + performance.now();
      post({ type: 'received', recipients: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()), at });
      callback();
    });
    stream.resume();
  },
});
listen(server, (workerData as { port: number }).port).then(
  (port) => post({ type: 'listening', port }),
  (error: Error) => post({ type: 'failed', message: error.message }),
);
parentPort!.on('message', (message: unknown) => {
  if (message === 'stop') server.close(() => process.exit(0));
});
