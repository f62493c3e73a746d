import { call, openMission } from './support/api.js';
import { eventually } from './support/eventually.js';
import { createSession, participant, placesOf, release, sessionInput } from './support/programme.js';
import { useSystem } from './support/system.js';
import { notificationsSettled } from './support/notifications.js';

/** The whole way of a programme change: scheduling announces it, notifications tells exactly the people it touches. */
describe('a change to a released session, told to the participants it touches', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications'] });

  /** Every event on notifications' queue has been handled: what has not been mailed by now will not be. */
  const settled = () => notificationsSettled(system);

  it('mails each enrolled participant and the moderator once, in their language and time zone, and nobody else', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const { chengdu } = await placesOf(system, token, missionId);
    const [ana, ben, carl, , emil] = [
      await participant(system, missionId, 11),
      await participant(system, missionId, 12, { preferredLanguage: 'zh', timezone: 'Asia/Shanghai' }),
      await participant(system, missionId, 13),
      await participant(system, missionId, 14),
      await participant(system, missionId, 15, { timezone: 'America/New_York' }),
    ];
    const panel = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', {
        kind: 'panel_discussion',
        title: 'Cities that learn from each other',
        capacity: 2,
        speakers: [
          { role: 'moderator', name: 'Emil', registrationId: emil.id },
          { role: 'panellist', name: 'Wang Fang' },
        ],
      }),
    );
    await release(system, token, missionId);
    for (const who of [ana, ben, carl]) {
      await call(`${url}/sessions/${panel}/enrolments`, { method: 'POST', token: who.token });
    }
    const enrolments = await call(`${url}/sessions/${panel}/enrolments`, { token });
    expect(enrolments.body.items.map((item: { registrationId: string; status: string }) => [item.registrationId, item.status])).toEqual([
      [ana.id, 'confirmed'],
      [ben.id, 'confirmed'],
      [carl.id, 'waitlisted'],
    ]);

    const moved = await call(`${url}/sessions/${panel}`, {
      method: 'PATCH',
      token,
      body: { startsAt: '2019-06-10T06:00:00Z', endsAt: '2019-06-10T08:00:00Z' },
    });
    expect(moved.status).toBe(200);
    const rescheduled = await system.tap.waitFor('session.rescheduled', (event) => event.subject === panel);
    const mailsOfChange = () => system.smtp.received.filter((mail) => mail.eventId === rescheduled.id);
    await eventually(() => mailsOfChange().length >= 3, { what: 'the three mails of the change' });
    await settled();

    const mails = mailsOfChange();
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(['delegate11@example.org', 'delegate12@example.org', 'delegate15@example.org']);
    const byRecipient = new Map(mails.map((mail) => [mail.to[0], mail]));
    // Ana in Madrid: 08:00 summer time now, 03:00 before; and the venue's 14:00 in Chengdu.
    expect(byRecipient.get('delegate11@example.org')!.text).toMatch(/08:00/);
    expect(byRecipient.get('delegate11@example.org')!.text).toMatch(/03:00/);
    expect(byRecipient.get('delegate11@example.org')!.text).toMatch(/14:00/);
    // Ben reads Chinese; Emil, the moderator, is told in New York time (02:00 EDT).
    expect(byRecipient.get('delegate12@example.org')!.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(byRecipient.get('delegate15@example.org')!.text).toMatch(/02:00/);
    expect(system.smtp.to('delegate13@example.org').filter((mail) => mail.eventId === rescheduled.id)).toEqual([]);
    expect(system.smtp.to('delegate14@example.org').filter((mail) => mail.eventId === rescheduled.id)).toEqual([]);
  });
});
