import { jest } from '@jest/globals';
import { OutagePause } from './outage-pause.js';

describe('OutagePause', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function pause() {
    const calls: string[] = [];
    const outage = new OutagePause({ pause: () => calls.push('pause'), resume: () => calls.push('resume') }, { first: 100, max: 400 });
    return { outage, calls };
  }

  it('pauses at the first outage, lets one held message through after the back-off, and resumes when it succeeds', async () => {
    const { outage, calls } = pause();
    const released: string[] = [];
    void outage.outage().then(() => released.push('a'));
    void outage.outage().then(() => released.push('b'));
    expect(calls).toEqual(['pause']);

    await jest.advanceTimersByTimeAsync(99);
    expect(released).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(released).toEqual(['a']);

    outage.recovered();
    await Promise.resolve();
    expect(released).toEqual(['a', 'b']);
    expect(calls).toEqual(['pause', 'resume']);
    expect(outage.isPaused).toBe(false);
  });

  it('doubles the back-off each time the probe fails the same way, up to its maximum, without limit', async () => {
    const { outage } = pause();
    let probes = 0;
    const probe = async (): Promise<void> => {
      await outage.outage();
      probes++;
      if (probes < 6) return probe();
      outage.recovered();
    };
    const done = probe();

    for (const [delay, expected] of [
      [100, 1],
      [200, 2],
      [400, 3],
      [400, 4],
      [400, 5],
      [400, 6],
    ] as const) {
      await jest.advanceTimersByTimeAsync(delay - 1);
      expect(probes).toBe(expected - 1);
      await jest.advanceTimersByTimeAsync(1);
      expect(probes).toBe(expected);
    }
    await done;
    expect(outage.isPaused).toBe(false);
    expect(outage.backoffMs).toBe(100);
  });

  it('lets every held message go when the consumer stops, without resuming consumption', async () => {
    const { outage, calls } = pause();
    const released: string[] = [];
    void outage.outage().then(() => released.push('a'));
    void outage.outage().then(() => released.push('b'));
    outage.stop();
    await jest.advanceTimersByTimeAsync(1000);
    expect(released).toEqual(['a', 'b']);
    expect(calls).toEqual(['pause']);
  });
});
