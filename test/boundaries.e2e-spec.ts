import amqp from 'amqplib';
import pg from 'pg';
import { sqlStateOf } from '#common';
import type { CloudEvent } from '#contracts';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { TEST_DATABASE_URL, withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';

/** Runs `work` connected as the service's own role of the run. */
const asRole = <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => withDatabase(work, url);

/** The SQLSTATE a statement fails with, or `ok`. */
async function outcomeOf(client: pg.Client, statement: string): Promise<string> {
  try {
    await client.query(statement);
    return 'ok';
  } catch (error) {
    return sqlStateOf(error) ?? String(error);
  }
}

/**
 * Publishes an event again as the broker user of `url`: `confirmed`, or why the broker closed the
 * channel. Events the run has seen already, so that a consumer given one absorbs it in its inbox.
 */
async function publishAs(url: string, exchange: string, event: CloudEvent, routingKey = event.type): Promise<string> {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createConfirmChannel();
    return await new Promise<string>((resolve) => {
      // A refusal closes the channel with an error (and fails the pending confirm, which says less).
      channel.once('error', (error: Error) => resolve(error.message));
      channel.publish(
        exchange,
        routingKey,
        Buffer.from(JSON.stringify(event)),
        { contentType: 'application/cloudevents+json', messageId: event.id },
        (error) => {
          if (!error) resolve('confirmed');
        },
      );
    });
  } finally {
    await connection.close().catch(() => undefined);
  }
}

describe('each service within its own boundaries (its Postgres role, its broker user)', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'dashboard'], ownCredentials: true });

  it('runs the flow across services with each one on its own role and user', async () => {
    // scheduling publishes mission.created as its own user; registration takes it into its schema as its own role.
    const { missionId } = await openMission(system);
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(1) });
    expect(registered.status).toBe(201);
    const confirmed = await system.tap.waitFor('registration.confirmed', (event) => event.data.missionId === missionId);
    const scheduling = system.schemaOf('scheduling');
    const handled = () =>
      asRole(system.asService('scheduling', TEST_DATABASE_URL), async (client) => {
        return (await client.query(`SELECT 1 FROM "${scheduling}".inbox WHERE event_id = $1`, [confirmed.id])).rowCount === 1;
      });
    await eventually(handled, { what: 'scheduling to take registration’s event' });
  });

  it('refuses a service’s role every read and write of another service’s schema, and any table in public', async () => {
    const registration = system.schemaOf('registration');
    const scheduling = system.schemaOf('scheduling');
    await asRole(system.asService('registration', TEST_DATABASE_URL), async (client) => {
      // Its own schema, which it owns: the migrations ran as this role.
      expect(await outcomeOf(client, `SELECT count(*) FROM "${registration}".missions`)).toBe('ok');
      // 42501: insufficient_privilege ("permission denied for schema …").
      expect(await outcomeOf(client, `SELECT count(*) FROM "${scheduling}".missions`)).toBe('42501');
      expect(await outcomeOf(client, `INSERT INTO "${scheduling}".inbox (event_id) VALUES (gen_random_uuid())`)).toBe('42501');
      expect(await outcomeOf(client, `UPDATE "${scheduling}".outbox SET published_at = now()`)).toBe('42501');
      expect(await outcomeOf(client, `CREATE TABLE public.boundaries_probe (id int)`)).toBe('42501');
      expect(await outcomeOf(client, `CREATE SCHEMA boundaries_probe`)).toBe('42501');
      const { rows } = await client.query<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
        'SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user',
      );
      expect(rows).toEqual([{ rolsuper: false, rolcreaterole: false, rolcreatedb: false }]);
    });
    await asRole(system.asService('scheduling', TEST_DATABASE_URL), async (client) => {
      expect(await outcomeOf(client, `SELECT count(*) FROM "${registration}".registrations`)).toBe('42501');
      expect(await outcomeOf(client, `DELETE FROM "${registration}".registrations`)).toBe('42501');
    });
  });

  it('lets a service’s broker user publish the event types it owns and refuses every other', async () => {
    const { exchange } = system;
    const { missionId } = await openMission(system);
    expect((await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(2) })).status).toBe(201);
    const created = await system.tap.waitFor('mission.created', (event) => event.subject === missionId);
    const confirmed = await system.tap.waitFor('registration.confirmed', (event) => event.data.missionId === missionId);
    const registration = system.asService('registration', system.rabbitmqUrl);
    const scheduling = system.asService('scheduling', system.rabbitmqUrl);

    expect(await publishAs(registration, exchange, confirmed)).toBe('confirmed');
    expect(await publishAs(registration, exchange, created)).toMatch(/ACCESS_REFUSED/);
    expect(await publishAs(scheduling, exchange, created)).toBe('confirmed');
    expect(await publishAs(scheduling, exchange, confirmed)).toMatch(/ACCESS_REFUSED/);
    // Not the envelope's type but the routing key is what the broker checks: registration's event under another type is refused too.
    expect(await publishAs(registration, exchange, confirmed, 'mission.created')).toMatch(/ACCESS_REFUSED/);
    // The dashboard owns no type: it publishes none.
    expect(await publishAs(system.asService('dashboard', system.rabbitmqUrl), exchange, created)).toMatch(/ACCESS_REFUSED/);
  });
});
