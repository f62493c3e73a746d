import { createEvent } from '#contracts';
import { randomUUID } from 'node:crypto';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';
import { notificationsSettled } from './support/notifications.js';

describe('a session change while the mail server fails', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications'], mailRetryDelaysMs: [300, 600, 900] });

  it('tries each participant’s mail again and delivers each exactly once when the server takes mail again, even if the event comes again', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const inputs = [1, 2, 3].map((n) => registrationInput(200 + n));
    const ids = (await Promise.all(inputs.map((body) => call(url, { body })))).map((response) => response.body.id as string);
    // The session's event names them by registration id only: notifications finds their addresses in its directory.
    await eventually(
      () =>
        withDatabase(async (client) => {
          const { rows } = await client.query(
            `SELECT count(*)::int AS n FROM "${system.schemaOf('notifications')}".participant_directory WHERE registration_id = ANY($1::uuid[])`,
            [ids],
          );
          return rows[0].n === 3;
        }),
      { what: 'the directory to know them' },
    );

    system.smtp.refuse(true);
    const sessionId = randomUUID();
    const venue = { name: 'Liuzhou Industrial Museum', city: 'Liuzhou', timezone: 'Asia/Shanghai' };
    const event = createEvent(
      'scheduling',
      'session.rescheduled',
      {
        sessionId,
        missionId,
        kind: 'site_visit',
        title: 'Museum visit',
        startsAt: '2019-06-14T02:00:00Z',
        endsAt: '2019-06-14T04:00:00Z',
        timezone: 'Asia/Shanghai',
        venue,
        capacity: null,
        previous: { startsAt: '2019-06-13T02:00:00Z', endsAt: '2019-06-13T04:00:00Z', venue },
        participantIds: ids,
      },
      { subject: sessionId, missionId },
    );
    await system.producer.publish(event);
    const deliveries = `${system.url('notifications')}/api/missions/${missionId}/deliveries?limit=100`;
    await eventually(
      async () => {
        const log = await call(deliveries, { token });
        const tried = log.body.items?.filter((item: any) => item.causeEventId === event.id && item.status === 'pending' && item.attempts >= 1);
        return tried?.length === 3;
      },
      { what: 'three pending deliveries after refused attempts' },
    );
    // The event comes again while its mails are still being tried.
    await system.producer.publish(event);
    system.smtp.refuse(false);

    await eventually(() => system.smtp.received.filter((mail) => mail.eventId === event.id).length >= 3, { what: 'the three mails' });
    await notificationsSettled(system);
    const mails = system.smtp.received.filter((mail) => mail.eventId === event.id);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(inputs.map((input) => input.email).sort());
    const log = await call(deliveries, { token });
    expect(log.body.items.filter((item: any) => item.causeEventId === event.id).map((item: any) => item.status)).toEqual(['sent', 'sent', 'sent']);
    await eventually(() => system.tap.ofType('notification.sent', (sent) => (sent.data as any).causeEventId === event.id).length === 3, {
      what: 'three notification.sent',
    });
  });
});
