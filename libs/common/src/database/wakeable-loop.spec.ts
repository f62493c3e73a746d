import { jest } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { WakeableLoop } from './wakeable-loop.js';

/** Passes that the test ends by hand: each answers whether more work waits, or fails. */
class Passes {
  readonly started: { finish(more: boolean): void; fail(error: Error): void }[] = [];
  readonly pass = (): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      this.started.push({ finish: resolve, fail: reject });
    });

  get count(): number {
    return this.started.length;
  }

  last() {
    return this.started.at(-1)!;
  }
}

const logged: { level: string; message: unknown }[] = [];
const logger: LoggerService = {
  log: (message: unknown) => logged.push({ level: 'log', message }),
  warn: (message: unknown) => logged.push({ level: 'warn', message }),
  error: (message: unknown) => logged.push({ level: 'error', message }),
};

let passes: Passes;
let loop: WakeableLoop;

function startLoop(concurrent = 1): void {
  passes = new Passes();
  loop = new WakeableLoop({
    pass: passes.pass,
    concurrent,
    pollIntervalMs: 60_000,
    logger,
    messages: { failed: 'could not work through the queue', recovered: 'recovered' },
  });
  loop.start();
}

/** Lets the promise callbacks of a finished pass run. */
const settle = () => jest.advanceTimersByTimeAsync(0);

/** Ends the latest pass (more work waiting, or not) and lets the loop react: answers how many passes have started since. */
async function finishLast(more = false): Promise<number> {
  passes.last().finish(more);
  await settle();
  return passes.count;
}

beforeEach(() => {
  jest.useFakeTimers();
  logged.length = 0;
});

afterEach(async () => {
  // A pass never ended would keep stop() waiting; ending one twice changes nothing.
  for (const pass of passes.started) pass.finish(false);
  await loop.stop();
  jest.useRealTimers();
});

describe('waking the loop that relays the outbox and sends the mail', () => {
  it('makes one more pass after the one under way when woken during it, however often', async () => {
    startLoop();
    expect(passes.count).toBe(1);

    loop.wake();
    loop.wake();
    loop.wake();
    expect(passes.count).toBe(1);
    expect(await finishLast()).toBe(2);
    expect(await finishLast()).toBe(2);
  });

  it('makes another pass at once after a full batch, and none after a short one', async () => {
    startLoop();
    expect(await finishLast(true)).toBe(2);

    expect(await finishLast()).toBe(2);
  });

  it('runs at most `concurrent` passes at once', async () => {
    startLoop(2);
    loop.wake();
    loop.wake();
    expect(passes.count).toBe(2);

    passes.started[0]!.finish(false);
    await settle();
    // The third wake-up came while both slots were taken: a pass is owed for it.
    expect(passes.count).toBe(3);
    passes.started[1]!.finish(false);
    passes.started[2]!.finish(false);
    await settle();
    expect(passes.count).toBe(3);
  });

  it('backs off after a failed pass, ignores wake-ups meanwhile, then says it recovered', async () => {
    startLoop();
    passes.last().fail(new Error('database unavailable'));
    await settle();
    expect(logged).toEqual([
      { level: 'warn', message: expect.objectContaining({ msg: 'could not work through the queue', reason: 'database unavailable', delayMs: 100 }) },
    ]);

    loop.wake();
    expect(passes.count).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(passes.count).toBe(2);

    await finishLast();
    expect(logged.at(-1)).toEqual({ level: 'log', message: expect.objectContaining({ msg: 'recovered', failures: 1 }) });
  });

  it('doubles the back-off with each failure in a row, up to five seconds', async () => {
    startLoop();
    const delays: number[] = [];
    for (let failure = 0; failure < 8; failure++) {
      passes.last().fail(new Error('still down'));
      await settle();
      const before = passes.count;
      let waited = 0;
      while (passes.count === before && waited < 10_000) {
        await jest.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      delays.push(waited);
    }

    expect(delays).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000]);
  });

  it("wakes at a retry's time, keeping the earlier of two", async () => {
    startLoop();
    await finishLast();

    loop.wakeIn(2_000);
    loop.wakeIn(500);
    loop.wakeIn(3_000);
    await jest.advanceTimersByTimeAsync(499);
    expect(passes.count).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes.count).toBe(2);
    passes.last().finish(false);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(passes.count).toBe(2);
  });

  it('polls when nobody wakes it', async () => {
    startLoop();
    await finishLast();

    await jest.advanceTimersByTimeAsync(60_000);
    expect(passes.count).toBe(2);
  });

  it('waits for the pass under way when stopped, and is not woken after', async () => {
    startLoop();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);

    passes.last().finish(true);
    await stopping;
    loop.wake();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(passes.count).toBe(1);
  });
});
