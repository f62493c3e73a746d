/**
 * Loaded into a process with `--import` by `bench:registrations --profile DIR`: the bench sends
 * SIGWINCH when a phase starts sending and again when it stops (not SIGUSR2: Nest's shutdown hooks
 * take that as a signal to stop; SIGWINCH is ignored by a process without this preload), and this takes a CPU profile of
 * that window only (V8's sampler over the inspector), so that start-up and the drain stay out of it.
 * The file is `DIR/<phase>.<BENCH_PROFILE_NAME>.cpuprofile` (Chrome DevTools, speedscope, or
 * `npm run bench:flame`).
 */
import { Session } from 'node:inspector/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const directory = process.env.BENCH_PROFILE_DIR;
const name = process.env.BENCH_PROFILE_NAME ?? `pid${process.pid}`;

if (directory) {
  const session = new Session();
  session.connect();
  let running = false;
  let taken = 0;
  let label: string | undefined;
  // The bench names the phase in `DIR/phase` before it signals.
  const phaseLabel = () => {
    try {
      return readFileSync(join(directory, 'phase'), 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  };
  // Every 250 µs: a phase of 10 s at 100/s is a few hundred ms of CPU per process, too few samples at the default 1 ms.
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 250 });
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      label = phaseLabel();
      void session.post('Profiler.start');
      return;
    }
    running = false;
    void session.post('Profiler.stop').then(({ profile }) => {
      taken += 1;
      writeFileSync(join(directory, `${label ?? taken}.${name}.cpuprofile`), JSON.stringify(profile));
    });
  });
}
