import type { ServiceName } from '#common';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { type TestSystem, useSystem } from './support/system.js';
import { notificationsSettled } from './support/notifications.js';

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

  it('a consumer killed before it acks loses nothing and mails no one twice', async () => {
    const { missionId } = await openMission(system, { capacity: 1000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const responses = [];
    for (let wave = 0; wave < 4; wave++) {
      responses.push(...(await Promise.all(Array.from({ length: 25 }, (_, n) => call(url, { body: registrationInput(3000 + wave * 25 + n) })))));
      if (wave === 1) await system.killService('notifications');
    }
    expect(responses.every((response) => response.status === 201)).toBe(true);
    await system.startService('notifications');

    await eventually(() => Array.from({ length: 100 }, (_, n) => `delegate${3000 + n}@example.org`).every((to) => system.smtp.to(to).length > 0), {
      what: 'all 100 e-mails',
      timeoutMs: 60_000,
    });
    await notificationsSettled(system);
    const perRecipient = messagesPerRecipient(system);
    for (let n = 0; n < 100; n++) expect(perRecipient.get(`delegate${3000 + n}@example.org`)?.size).toBe(1);
  });

  it('the whole system killed in a burst loses no registration that was answered 201', async () => {
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
    expect(answered.length).toBeGreaterThanOrEqual(30);

    for (const service of everyService) await system.startService(service);

    for (const registration of answered) {
      const read = await call(`${system.url('registration')}/api/registrations/${registration.id}`, { token });
      expect(read.status).toBe(200);
    }
    await eventually(() => answered.every(({ n }) => system.smtp.to(`delegate${4000 + n}@example.org`).length > 0), {
      what: 'an e-mail for every answered registration',
      timeoutMs: 60_000,
    });
    await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        return (summary.body?.registrations?.byStatus?.confirmed ?? 0) >= answered.length;
      },
      { what: 'the dashboard to count every answered registration', timeoutMs: 60_000 },
    );
    await notificationsSettled(system);
    const perRecipient = messagesPerRecipient(system);
    for (const [recipient, messages] of perRecipient) expect({ recipient, messages: messages.size }).toEqual({ recipient, messages: 1 });
  });
});
