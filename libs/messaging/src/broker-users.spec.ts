import { eventsByProducer } from '#contracts';
import { brokerPermissions } from './broker-users.js';

describe('a service’s broker permissions', () => {
  const publishes = (service: string, type: string) => new RegExp(brokerPermissions(service, 'mission-hub.events').topic.write).test(type);

  it('let it publish exactly the types the catalogue says it owns', () => {
    for (const type of Object.keys(eventsByProducer.registration)) expect(publishes('registration', type)).toBe(true);
    expect(publishes('registration', 'mission.created')).toBe(false);
    expect(publishes('scheduling', 'registration.confirmed')).toBe(false);
    expect(publishes('mou-registry', 'mou.milestone_due')).toBe(true);
    // The dot is a dot, and the whole key must match: no near miss passes.
    expect(publishes('registration', 'registrationXconfirmed')).toBe(false);
    expect(publishes('registration', 'registration.confirmed.forged')).toBe(false);
    expect(publishes('registration', 'x.registration.confirmed')).toBe(false);
  });

  it('let a service that owns no type publish none', () => {
    for (const type of Object.keys(eventsByProducer.scheduling)) expect(publishes('dashboard', type)).toBe(false);
  });

  it('reach the project’s exchanges and queues and the default exchange, and nothing else', () => {
    const { configure, write, read } = brokerPermissions('scheduling', 'mission-hub.events');
    for (const name of ['mission-hub.events', 'mission-hub.notifications', 'mission-hub.unroutable']) {
      expect(new RegExp(configure).test(name)).toBe(true);
      expect(new RegExp(read).test(name)).toBe(true);
    }
    expect(new RegExp(write).test('amq.default')).toBe(true);
    expect(new RegExp(configure).test('amq.default')).toBe(false);
    expect(new RegExp(write).test('other-app.events')).toBe(false);
  });
});
