import { routingKeyOf } from './dead-letters.cli.js';

function message(body: string, routingKey: string, headers: Record<string, unknown> = {}) {
  return { content: Buffer.from(body), fields: { routingKey }, properties: { headers } } as unknown as Parameters<typeof routingKeyOf>[0];
}

describe('the routing key a dead letter is replayed under', () => {
  it("is the event's own type, also for a message the broker dead-lettered at its delivery limit", () => {
    const deathAtTheLimit = { 'x-death': [{ reason: 'delivery_limit', queue: 'mission-hub.registration', 'routing-keys': ['mission.created'] }] };
    expect(routingKeyOf(message('{"type":"mission.created"}', 'mission-hub.registration.dead', deathAtTheLimit))).toBe('mission.created');
  });

  it('falls back on the headers for a body that is not an event', () => {
    expect(routingKeyOf(message('oops', 'mission-hub.e2e.dead', { 'x-original-routing-key': 'mission.updated' }))).toBe('mission.updated');
    const death = { 'x-death': [{ reason: 'delivery_limit', 'routing-keys': ['mission.created'] }] };
    expect(routingKeyOf(message('oops', 'mission-hub.e2e.dead', death))).toBe('mission.created');
  });
});
