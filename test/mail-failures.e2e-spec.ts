import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
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
});
