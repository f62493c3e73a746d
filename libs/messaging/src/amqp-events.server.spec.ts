import { AmqpEventsServer } from './amqp-events.server.js';

describe('AmqpEventsServer.getHandlerByPattern', () => {
  const server = new AmqpEventsServer({ url: 'amqp://unused', exchange: 'events', service: 'svc' });
  const exact = Object.assign(async () => 'exact', {});
  const missions = Object.assign(async () => 'missions', {});
  const everything = Object.assign(async () => 'everything', {});
  server.addHandler('#', everything, true);
  server.addHandler('mission.*', missions, true);
  server.addHandler('mission.created', exact, true);

  it('routes a routing key to its exact pattern first', () => {
    expect(server.getHandlerByPattern('mission.created')).toBe(exact);
  });

  it('falls back to the first wildcard pattern that matches, in registration order', () => {
    expect(server.getHandlerByPattern('mission.updated')).toBe(everything);
    const ordered = new AmqpEventsServer({ url: 'amqp://unused', exchange: 'events', service: 'svc' });
    ordered.addHandler('mission.*', missions, true);
    ordered.addHandler('#', everything, true);
    expect(ordered.getHandlerByPattern('mission.updated')).toBe(missions);
    expect(ordered.getHandlerByPattern('registration.confirmed')).toBe(everything);
  });

  it('finds nothing for a routing key no pattern matches', () => {
    const narrow = new AmqpEventsServer({ url: 'amqp://unused', exchange: 'events', service: 'svc' });
    narrow.addHandler('registration.*', exact, true);
    expect(narrow.getHandlerByPattern('mission.created')).toBeNull();
  });
});
