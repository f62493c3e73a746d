import { call, openMission, registrationInput } from './support/api.js';
import { Transactions } from '#common';
import { OutboxService } from '#messaging';
import { DeliveriesRepository } from '../apps/notifications/src/deliveries/deliveries.repository.js';
import { TEST_DATABASE_URL, withDatabase } from './support/isolation.js';
import { notificationsSettled } from './support/notifications.js';
import { outboxRelayed } from './support/settled.js';
import { useSystem } from './support/system.js';
import { TcpProxy } from './support/tcp-proxy.js';

const OUTAGE_MS = 1500;
const PARTICIPANTS = 6;

describe('the database lost between sending e-mails and recording them', () => {
  // Notifications reaches Postgres through a proxy the test cuts; registration, the source of the mail, does not.
  const proxy = new TcpProxy({ host: '127.0.0.1', port: Number(new URL(TEST_DATABASE_URL).port || 5432) });
  beforeAll(() => proxy.start());
  const system = useSystem({
    services: ['scheduling', 'registration', 'notifications'],
    env: (service): Record<string, string> => (service === 'notifications' ? { DATABASE_URL: proxy.urlFor(TEST_DATABASE_URL) } : {}),
  });
  afterAll(() => proxy.stop());

  it('records them once it is back, within the claim’s lease, and sends none of them twice', async () => {
    const { missionId, token } = await openMission(system, { capacity: 100 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    // The outage starts the moment the first confirmation has gone, while the dispatcher still holds its batch.
    let outage: Promise<void> | undefined;
    system.smtp.beforeAccepting = (mail) => {
      if (outage || !mail.to.some((to) => to.startsWith('delegate'))) return;
      proxy.cutOff();
      outage = new Promise((resolve) => setTimeout(resolve, OUTAGE_MS)).then(() => proxy.restore());
    };
    const registered = await Promise.all(Array.from({ length: PARTICIPANTS }, (_, n) => call(url, { body: registrationInput(700 + n) })));
    expect(registered.map((answer) => answer.status)).toEqual(Array(PARTICIPANTS).fill(201));

    // Settled: nothing pending in the delivery log, so nothing left to send again when a lease (10 s here) runs out.
    await outboxRelayed(system, 'registration');
    await notificationsSettled(system);
    expect(outage).toBeDefined();
    await outage;
    system.smtp.beforeAccepting = undefined;
    for (let n = 0; n < PARTICIPANTS; n++) expect(system.smtp.to(registrationInput(700 + n).email)).toHaveLength(1);
    const log = (await call(`${system.url('notifications')}/api/missions/${missionId}/deliveries?limit=100`, { token })).body.items as any[];
    expect(log.length).toBeGreaterThanOrEqual(PARTICIPANTS);
    for (const delivery of log) expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
    // …and announced once each: the recording tried again did not add its events twice.
    await outboxRelayed(system, 'notifications');
    await system.tap.caughtUp();
    const announced = system.tap.ofType('notification.sent', (event) => event.missionid === missionId).map((event) => (event.data as any).notificationId);
    expect(announced.sort()).toEqual(log.map((delivery) => delivery.id).sort());
  });

  it('records an outcome once when the recording is done twice, as after a commit whose answer was lost', async () => {
    const { missionId, token } = await openMission(system);
    await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(720) });
    await outboxRelayed(system, 'registration');
    await notificationsSettled(system);
    const deliveries = `${system.url('notifications')}/api/missions/${missionId}/deliveries`;
    const [delivery] = (await call(deliveries, { token })).body.items as any[];
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });

    // The dispatcher's recording of that attempt, again: claimed with no attempt before it, sent.
    const app = system.app('notifications');
    const schema = system.schemaOf('notifications');
    const outboxRows = () => withDatabase(async (client) => (await client.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`)).rows[0].n as number);
    const before = await outboxRows();
    const again = { id: delivery.id, status: 'sent' as const, smtpResponse: '250 again' };
    const announcement = {
      type: 'notification.sent' as const,
      key: delivery.id,
      data: {
        notificationId: delivery.id,
        missionId,
        channel: 'email' as const,
        template: delivery.template,
        language: delivery.language,
        causeEventId: delivery.causeEventId,
        causeEventType: delivery.causeEventType,
        recipientRegistrationId: null,
        at: new Date().toISOString(),
      },
      context: { subject: delivery.id, missionId },
    };
    await app
      .get(Transactions)
      .run((unit) => app.get(OutboxService).addAllIfChanged(unit, app.get(DeliveriesRepository).settle([again], new Map([[delivery.id, 0]])), [announcement]));
    expect(await outboxRows()).toBe(before);
    expect((await call(deliveries, { token })).body.items[0]).toMatchObject({ status: 'sent', attempts: 1, id: delivery.id });
  });
});
