import { createEvent, type CloudEvent } from '#contracts';
import { call, openMission, registrationInput } from './support/api.js';
import { mouInput } from './support/mou.js';
import { SseClient } from './support/sse.js';
import { eventually } from './support/eventually.js';
import { notificationsSettled } from './support/notifications.js';
import { outboxRelayed } from './support/settled.js';
import { useSystem } from './support/system.js';

describe('a participant’s own data: changed by them or an organiser, and erased on request', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications', 'dashboard', 'mou-registry'] });

  /**
   * Participant n, confirmed, erased at their own request once their confirmation is in notifications'
   * delivery log (so there is a row to erase), with participant n+1 waitlisted behind them.
   */
  async function erasedParticipant(n: number) {
    const { missionId, token } = await openMission(system, { capacity: 1 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const leaving = await call(url, { body: registrationInput(n, { dietary: 'no nuts', accessibility: 'step-free access' }) });
    const waiting = await call(url, { body: registrationInput(n + 1) });
    expect([leaving.body.status, waiting.body.status]).toEqual(['confirmed', 'waitlisted']);
    const address = `delegate${n}@example.org`;
    const deliveries = `${system.url('notifications')}/api/missions/${missionId}/deliveries`;
    await eventually(async () => JSON.stringify((await call(deliveries, { token })).body).includes(address), { what: 'the confirmation in the delivery log' });
    const erased = await call(`${system.url('registration')}/api/registrations/${leaving.body.id}/erase`, { method: 'POST', token: leaving.body.accessToken });
    expect(erased.status).toBe(200);
    return { missionId, token, url, address, deliveries, leaving, waiting, erased };
  }

  it('lets the participant change their details, announced as registration.updated, but not their delegation or e-mail', async () => {
    const { missionId, token } = await openMission(system);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(100) });
    expect(registered.body.status).toBe('confirmed');
    const { id, accessToken } = registered.body;
    const url = `${system.url('registration')}/api/registrations/${id}`;

    const updated = await call(url, {
      method: 'PATCH',
      token: accessToken,
      body: { preferredLanguage: 'es', dietary: 'vegetarian', organisation: { city: null } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, preferredLanguage: 'es', dietary: 'vegetarian', organisation: { city: null }, erasedAt: null });

    const event = await system.tap.waitFor('registration.updated', (candidate) => candidate.subject === id);
    expect(event.missionid).toBe(missionId);
    expect(event.data).toMatchObject({
      status: 'confirmed',
      previousStatus: 'confirmed',
      participant: { preferredLanguage: 'es', email: 'delegate100@example.org' },
    });
    expect((await call(url, { token: accessToken })).body.preferredLanguage).toBe('es');

    const delegation = await call(url, { method: 'PATCH', token: accessToken, body: { delegation: 'Rome', givenName: 'Ada' } });
    expect(delegation.status).toBe(403);
    expect(delegation.body.errors).toEqual([expect.objectContaining({ field: 'delegation' })]);
    const email = await call(url, { method: 'PATCH', token: accessToken, body: { email: 'someone-else@example.org' } });
    expect(email.status).toBe(400);
    expect(email.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
    const empty = await call(url, { method: 'PATCH', token: accessToken, body: {} });
    expect(empty.status).toBe(400);

    const unchanged = await call(url, { token });
    expect(unchanged.body).toMatchObject({ givenName: 'Delegate', delegation: 'Barcelona', email: 'delegate100@example.org' });
    // Whatever registration announced by now has reached the tap: a refused change announced would show.
    await outboxRelayed(system, 'registration');
    await system.tap.caughtUp();
    expect(system.tap.ofType('registration.updated', (candidate) => candidate.subject === id)).toHaveLength(1);
  });

  it('lets an organiser move a confirmed registration only into a delegation with room in its quota', async () => {
    const { missionId, token } = await openMission(system, { capacity: 10, delegationQuotas: { Rome: 1, Granada: 2, Barcelona: 10 } });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const roman = await call(url, { body: registrationInput(110, { delegation: 'Rome' }) });
    const moving = await call(url, { body: registrationInput(111, { delegation: 'Barcelona' }) });
    expect([roman.body.status, moving.body.status]).toEqual(['confirmed', 'confirmed']);

    const full = await call(`${system.url('registration')}/api/registrations/${moving.body.id}`, { method: 'PATCH', token, body: { delegation: 'Rome' } });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ delegation: 'Rome', quota: 1, confirmed: 1 });

    const moved = await call(`${system.url('registration')}/api/registrations/${moving.body.id}`, { method: 'PATCH', token, body: { delegation: 'Granada' } });
    expect(moved.status).toBe(200);
    expect(moved.body.delegation).toBe('Granada');
    const event = await system.tap.waitFor('registration.updated', (candidate) => candidate.subject === moving.body.id);
    expect(event.data).toMatchObject({ participant: { delegation: 'Granada' } });
  });

  it('erases a participant at their request: cancels their seat for the waitlist and forgets who they were', async () => {
    const { missionId, token, url, address, leaving, waiting, erased } = await erasedParticipant(120);
    const { id, accessToken } = leaving.body;
    expect(erased.body).toMatchObject({
      id,
      status: 'cancelled',
      erasedAt: expect.any(String),
      givenName: '',
      familyName: '',
      dietary: null,
      accessibility: null,
    });
    expect(JSON.stringify(erased.body)).not.toContain(address);

    const event = await system.tap.waitFor('participant.erased', (candidate) => candidate.subject === id);
    expect(event.data).toEqual({ registrationId: id, missionId, erasedAt: erased.body.erasedAt });
    const cancelled = await system.tap.waitFor('registration.cancelled', (candidate) => candidate.subject === id);
    expect(event.correlationid).toBe(cancelled.correlationid);
    const promotion = await system.tap.waitFor('registration.confirmed', (candidate) => candidate.subject === waiting.body.id);
    expect(promotion.data).toMatchObject({ previousStatus: 'waitlisted' });

    const own = await call(`${system.url('registration')}/api/registrations/${id}`, { token: accessToken });
    expect(own.status).toBe(401);
    const seen = await call(`${system.url('registration')}/api/registrations/${id}`, { token });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id, status: 'cancelled', givenName: '', familyName: '', jobTitle: null, organisation: { country: 'ES', city: null } });
    expect(JSON.stringify(seen.body)).not.toMatch(/delegate120|Number 120|no nuts|step-free/);
    const csv = await call(`${url}?format=csv`, { token });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain(id);
    expect(String(csv.body)).not.toMatch(/delegate120|Number 120|no nuts|step-free/);
    expect((await call(`${system.url('registration')}/api/registrations/${waiting.body.id}`, { token })).body.status).toBe('confirmed');

    const again = await call(`${system.url('registration')}/api/registrations/${id}/erase`, { method: 'POST', token });
    expect(again.status).toBe(409);
    expect(again.body.type).toMatch(/already-erased$/);
    const change = await call(`${system.url('registration')}/api/registrations/${id}`, { method: 'PATCH', token, body: { givenName: 'Ada' } });
    expect(change.status).toBe(409);
  });

  // Registration's part ends with participant.erased; this is notifications' part of the same erasure.
  it('leaves no trace of the erased participant’s address in notifications’ delivery log', async () => {
    const { token, address, deliveries } = await erasedParticipant(122);
    // Notifications handles events concurrently: the cancellation's mail may come before the erasure
    // (then its row is erased) or after it (then it is neither sent nor logged). Either way, once
    // notifications has handled everything registration announced, no row may hold the address.
    await outboxRelayed(system, 'registration');
    await notificationsSettled(system);
    const log = await call(`${deliveries}?limit=500`, { token });
    expect(log.status).toBe(200);
    expect(log.body.items.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(log.body.items)).not.toContain(address);
  });

  // The dashboard's part: its log replays every event of the mission to organisers, the MoU milestones the participant owns included.
  it('leaves no trace of the erased participant in the organisers’ stream, not even as the owner of an MoU milestone', async () => {
    const { missionId, token } = await openMission(system);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(124) });
    const { id, accessToken } = registered.body;
    const mous = `${system.url('mou-registry')}/api/mous`;
    const mou = (await call(mous, { token, body: mouInput({ missionId }) })).body;
    // The registry learns of the participant from registration.confirmed.
    const milestone = await eventually(async () => {
      const created = await call(`${mous}/${mou.id}/milestones`, {
        token,
        body: { title: 'Feasibility study', dueOn: '2030-01-10', owner: { registrationId: id } },
      });
      return created.status === 201 ? created.body : undefined;
    });
    const stream = `${system.url('dashboard')}/api/missions/${missionId}/stream`;
    const replayed = async () => {
      const client = await new SseClient(stream, { authorization: `Bearer ${token}` }).open();
      try {
        const added = await client.waitFor((event) => event.type === 'mou.milestone_added' && event.data.data.milestoneId === milestone.id, 'the milestone');
        return { added: added.data as CloudEvent<'mou.milestone_added'>, owner: added.data.data.owner, everything: JSON.stringify(client.events()) };
      } finally {
        await client.close();
      }
    };
    const before = await replayed();
    expect(before.owner).toMatchObject({ email: 'delegate124@example.org', registrationId: id });

    const erased = await call(`${system.url('registration')}/api/registrations/${id}/erase`, { method: 'POST', token: accessToken });
    expect(erased.status).toBe(200);
    await system.tap.waitFor('participant.erased', (event) => event.subject === id);
    await eventually(async () => (await replayed()).owner.erased === true, { what: 'the dashboard to erase the milestone’s owner' });

    // A reminder the registry sent before it learnt of the erasure, arriving after it, is stored erased too.
    const late = createEvent('mou-registry', 'mou.milestone_due', before.added.data, { subject: milestone.id, missionId });
    await system.producer.publish(late);
    const client = await new SseClient(stream, { authorization: `Bearer ${token}` }).open();
    const stored = await client.waitFor((event) => event.data.id === late.id, 'the late reminder');
    await client.close();
    expect(stored.data.data.owner).toEqual({ erased: true });
    // …and mails no one: notifications knows the owner by registration too.
    await notificationsSettled(system);
    expect(system.smtp.received.filter((mail) => mail.eventId === late.id)).toEqual([]);
    expect((await replayed()).everything).not.toMatch(/delegate124|Number 124/);
  });
});
