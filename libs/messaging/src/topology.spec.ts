import type { Channel } from 'amqplib';
import { assertTopology, queueNames } from './topology.js';

describe('queueNames', () => {
  it('names every queue of a service after it', () => {
    const names = queueNames('registration');
    expect(names.main).toBe('mission-hub.registration');
    expect(names.dead).toBe('mission-hub.registration.dead');
    expect(names.retry(5000)).toBe('mission-hub.registration.retry.5000');
  });
});

/** A channel that records each declaration it is asked for, as `[call, ...arguments]`. */
function recordingChannel(): { channel: Channel; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return {};
    };
  const channel = { assertExchange: record('exchange'), assertQueue: record('queue'), bindQueue: record('bind'), unbindQueue: record('unbind') };
  return { channel: channel as unknown as Channel, calls };
}

describe('assertTopology', () => {
  it('declares quorum queues, retry queues that dead-letter back to the main queue, and one binding per pattern', async () => {
    const { channel, calls } = recordingChannel();

    await assertTopology(channel, { exchange: 'events', service: 'svc', patterns: ['a.b', '#', 'a.b'], retryDelaysMs: [100, 200] });

    expect(calls).toContainEqual(['exchange', 'events', 'topic', { durable: true }]);
    const queue = (name: string) =>
      calls.find((call) => call[0] === 'queue' && call[1] === name)?.[2] as { durable: boolean; arguments: Record<string, unknown> };
    expect(queue('mission-hub.svc').arguments['x-queue-type']).toBe('quorum');
    expect(queue('mission-hub.svc.dead').durable).toBe(true);
    expect(queue('mission-hub.svc.retry.100').arguments).toMatchObject({
      'x-queue-type': 'quorum',
      'x-message-ttl': 100,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': 'mission-hub.svc',
    });
    expect(queue('mission-hub.svc.retry.200').arguments['x-message-ttl']).toBe(200);
    expect(calls.filter((call) => call[0] === 'bind')).toEqual([
      ['bind', 'mission-hub.svc', 'events', 'a.b'],
      ['bind', 'mission-hub.svc', 'events', '#'],
    ]);
  });

  it("unbinds a pattern a release dropped from the service's row, so that an upgraded queue stops receiving it", async () => {
    const { channel, calls } = recordingChannel();

    await assertTopology(channel, { exchange: 'events', service: 'notifications', patterns: ['a.b'], retryDelaysMs: [] });
    expect(calls.filter((call) => call[0] === 'unbind')).toEqual([['unbind', 'mission-hub.notifications', 'events', '#']]);

    calls.length = 0;
    await assertTopology(channel, { exchange: 'events', service: 'svc', patterns: ['#'], retryDelaysMs: [] });
    expect(calls.filter((call) => call[0] === 'unbind')).toEqual([]);
  });
});
