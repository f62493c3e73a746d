import type { ServiceName } from '#common';
import { call, listAll, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { notificationsSettled } from './support/notifications.js';
import { eventsHandled, outboxRelayed } from './support/settled.js';
import { type TestSystem, useSystem } from './support/system.js';

const everyService: ServiceName[] = ['scheduling', 'registration', 'notifications', 'dashboard'];

/** Distinct messages per recipient: a copy re-sent after a crash has the same Message-ID and counts once. */
function messagesPerRecipient(system: TestSystem): Map<string, Set<string>> {
  const byRecipient = new Map<string, Set<string>>();
  for (const mail of system.smtp.received) {
    for (const to of mail.to) byRecipient.set(to, (byRecipient.get(to) ?? new Set()).add(mail.messageId));
  }
  return byRecipient;
}

describe('services killed with SIGKILL in the middle of work', () => {
  const system = useSystem({ mode: 'process' });

  it('a consumer killed before it acks loses nothing: each participant gets one message, a copy resent after the kill carrying the same Message-ID', async () => {
    const { missionId } = await openMission(system, { capacity: 1000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const addresses = Array.from({ length: 100 }, (_, n) => `delegate${3000 + n}@example.org`);
    const mailed = () => system.smtp.received.filter((mail) => mail.to.some((to) => addresses.includes(to))).length;
    const responses = [];
    let atKill = { answered: 0, mailed: 0 };
    for (let wave = 0; wave < 4; wave++) {
      responses.push(...(await Promise.all(Array.from({ length: 25 }, (_, n) => call(url, { body: registrationInput(3000 + wave * 25 + n) })))));
      if (wave === 1) {
        await system.killService('notifications');
        atKill = { answered: responses.length, mailed: mailed() };
      }
    }
    expect(responses.every((response) => response.status === 201)).toBe(true);
    // Killed with work in hand: registrations answered by then whose mail had not gone out.
    expect(atKill.mailed).toBeLessThan(atKill.answered);
    await system.startService('notifications');

    await eventually(() => addresses.every((to) => system.smtp.to(to).length > 0), { what: 'all 100 e-mails', timeoutMs: 60_000 });
    await notificationsSettled(system);
    const perRecipient = messagesPerRecipient(system);
    for (const address of addresses) expect(perRecipient.get(address)?.size).toBe(1);
  });

  // Longer than the default: four processes start again one after the other, and the e-mails claimed at the kill go out when their lease ends.
  it('the whole system killed in a burst loses no registration that was answered 201, and the dashboard counts each stored one once', async () => {
    const { missionId, token } = await openMission(system, { capacity: 1000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const answered: Array<{ id: string; accessToken: string; n: number }> = [];
    const burst = Array.from({ length: 150 }, async (_, n) => {
      await new Promise((resolve) => setTimeout(resolve, n * 4)); // spread the burst over ~600 ms so the kill lands inside it
      const response = await call(url, { body: registrationInput(4000 + n) }).catch(() => undefined);
      if (response?.status === 201) answered.push({ ...response.body, n });
    });
    await eventually(() => answered.length >= 30, { what: 'the burst to be under way' });
    await Promise.all(everyService.map((service) => system.killService(service)));
    await Promise.all(burst);
    // The kill landed inside the burst: a request sent after it cannot have been answered.
    expect(answered.length).toBeLessThan(150);

    for (const service of everyService) await system.startService(service);

    for (const registration of answered) {
      const read = await call(`${system.url('registration')}/api/registrations/${registration.id}`, { token });
      expect(read.status).toBe(200);
    }
    // Stored: the answered ones and any that committed but whose answer the kill cut off.
    const stored = await listAll(`${system.url('registration')}/api/missions/${missionId}/registrations?status=confirmed&limit=500`, token);
    expect(stored.map((registration) => registration.id)).toEqual(expect.arrayContaining(answered.map((registration) => registration.id)));
    await eventually(() => stored.every((registration) => system.smtp.to(registration.email).length > 0), {
      what: 'an e-mail for every stored registration',
      timeoutMs: 60_000,
    });
    const dashboardConfirmed = async () =>
      (await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token })).body?.registrations?.byStatus?.confirmed;
    await eventually(async () => (await dashboardConfirmed()) === stored.length, {
      what: `the dashboard to count the ${stored.length} stored registrations`,
      timeoutMs: 60_000,
    });
    // Still so once every event has reached the dashboard: one counted twice would show by now.
    await outboxRelayed(system, 'registration');
    await eventsHandled(system, 'dashboard');
    expect(await dashboardConfirmed()).toBe(stored.length);
    await notificationsSettled(system);
    const perRecipient = messagesPerRecipient(system);
    for (const [recipient, messages] of perRecipient) expect({ recipient, messages: messages.size }).toEqual({ recipient, messages: 1 });
  }, 240_000);
});
