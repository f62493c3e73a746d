import { parentPort, workerData } from 'node:worker_threads';
import type { MeetingSchedulingInput } from '../../matchmaking/meeting-instance.js';
import { scheduleMeetings } from '../../matchmaking/meeting-scheduler.js';

/** The scheduler in a worker thread: its seconds of CPU do not hold the service's event loop. Dates survive the structured clone. */
parentPort!.postMessage(scheduleMeetings(workerData as MeetingSchedulingInput));
