import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MeetingSchedulingInput } from '../../matchmaking/meeting-instance.js';
import { scheduleMeetings, type MeetingSchedule } from '../../matchmaking/meeting-scheduler.js';

const workerFile = new URL('./scheduler.worker.js', import.meta.url);

/**
 * `scheduleMeetings` in a worker thread of its own, so that the service keeps answering while a run
 * works. Where the compiled worker is not there (the services run from their TypeScript sources, as
 * in the Jest e2e tests) it runs here, on the event loop.
 */
export function scheduleInWorker(input: MeetingSchedulingInput): Promise<MeetingSchedule> {
  if (workerFile.protocol !== 'file:' || !existsSync(fileURLToPath(workerFile))) return Promise.resolve().then(() => scheduleMeetings(input));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: input });
    worker.once('message', (schedule: MeetingSchedule) => resolve(schedule));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the scheduler's worker stopped with exit code ${code}`));
    });
  });
}
