import { randomUUID } from 'node:crypto';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';

describe('when the mail server fails', () => {
  const system = useSystem({ mailRetryDelaysMs: [200, 400, 600] });

  it('tries again with back-off and delivers once the server takes mail again', async () => {
    const { missionId, token } = await openMission(system);
    system.smtp.refuse(true);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
      body: registrationInput(1, { email: 'patient@example.org' }),
    });
    const confirmed = await system.tap.waitFor('registration.confirmed', (event) => event.subject === registered.body.id);
    const pending = await eventually(
      async () => {
        const log = await call(`${system.url('notifications')}/api/missions/${missionId}/deliveries`, { token });
        const delivery = log.body.items?.find((item: any) => item.causeEventId === confirmed.id);
        return delivery?.status === 'pending' && delivery.attempts >= 1 ? delivery : undefined;
      },
      { what: 'a pending delivery after a refused attempt' },
    );
    expect(pending.lastError).toMatch(/451|unavailable/i);

    system.smtp.refuse(false);
    await system.smtp.waitFor((mail) => mail.eventId === confirmed.id, 'the mail once the server accepts again');
    const sent = await system.tap.waitFor('notification.sent', (event) => (event.data as any).causeEventId === confirmed.id);
    expect(sent.missionid).toBe(missionId);
    expect(system.smtp.received.filter((mail) => mail.eventId === confirmed.id)).toHaveLength(1);
  });

  it('gives up after the last attempt, announces notification.failed and the dashboard counts it', async () => {
    const { missionId, token } = await openMission(system);
    system.smtp.refuse(true);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
      body: registrationInput(2, { email: 'unlucky@example.org' }),
    });
    const failed = await system.tap.waitFor('notification.failed', (event) => event.missionid === missionId, 30_000);
    expect(failed.data).toMatchObject({ recipientRegistrationId: registered.body.id, attempts: 4 });
    system.smtp.refuse(false);

    await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        return summary.body?.notifications?.failed === 1;
      },
      { what: 'the dashboard to count the failure' },
    );
    const log = await call(`${system.url('notifications')}/api/missions/${missionId}/deliveries?status=failed`, { token });
    expect(log.body.items).toHaveLength(1);
    expect(system.smtp.to('unlucky@example.org')).toHaveLength(0);
  });

  // Erasure and queueing take the participant's erasure lock in turn, so this row cannot arise from
  // events; it is written here to check the dispatcher's last look before it sends.
  it('does not send a queued e-mail whose recipient has been erased, and forgets the address', async () => {
    const { missionId, token } = await openMission(system);
    const schema = system.schemaOf('notifications');
    const registrationId = randomUUID();
    const causeEventId = randomUUID();
    const message = {
      messageId: `<${causeEventId}@test>`,
      causeEventId,
      from: 'mission-hub <no-reply@mission-hub.local>',
      to: { name: 'Gone', address: 'gone@example.org' },
      subject: 'Hello',
      text: 'Hello',
      html: '<p>Hello</p>',
      date: new Date().toISOString(),
    };
    await withDatabase(async (client) => {
      await client.query(`INSERT INTO "${schema}".erased_registrations (registration_id) VALUES ($1)`, [registrationId]);
      await client.query(
        `INSERT INTO "${schema}".deliveries (id, cause_event_id, cause_event_type, mission_id, recipient, recipient_registration_id, template, language, message_id, message, status, attempts, next_attempt_at)
         VALUES ($1, $2, 'registration.confirmed', $3, 'gone@example.org', $4, 'registration-confirmed', 'en', $5, $6, 'pending', 0, now())`,
        [randomUUID(), causeEventId, missionId, registrationId, message.messageId, JSON.stringify(message)],
      );
    });
    const forgotten = await eventually(
      async () => {
        const log = await call(`${system.url('notifications')}/api/missions/${missionId}/deliveries`, { token });
        const delivery = log.body.items?.find((item: any) => item.causeEventId === causeEventId);
        return delivery?.status === 'failed' ? delivery : undefined;
      },
      { what: 'the dispatcher to settle the erased recipient’s e-mail' },
    );
    expect(forgotten).toMatchObject({ recipient: expect.stringMatching(/^erased:/), lastError: 'participant erased before delivery', attempts: 0 });
    expect(system.smtp.to('gone@example.org')).toHaveLength(0);
    // The outbox, where the dispatcher's batch wrote its events before committing: the tap would see them only later.
    const { rows } = await withDatabase((client) =>
      client.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE type = 'notification.failed' AND payload->'data'->>'causeEventId' = $1`, [
        causeEventId,
      ]),
    );
    expect(rows[0].n).toBe(0);
  });
});
