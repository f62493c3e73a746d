import { IdempotencyKeyRetention } from '#common';
import { MessageRetention } from '#messaging';
import { call, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';

describe('retention of the outbox and the inbox', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });

  /** The inbox row of the mission's mission.created, which registration kept when it learnt of the mission. */
  async function missionCreatedId(missionId: string): Promise<string> {
    return (await system.tap.waitFor('mission.created', (event) => event.subject === missionId)).id;
  }

  /** What a request answered and the idempotency key row it claimed: the table keeps a hash of the key, so it is the row that request added. */
  async function claimingAKey(request: () => Promise<ApiResponse>): Promise<{ answer: ApiResponse; keyRow: string }> {
    const rows = async () =>
      withDatabase(async (db) => (await db.query(`SELECT id FROM "${system.schemaOf('registration')}".idempotency_keys`)).rows.map((row) => row.id as string));
    const before = new Set(await rows());
    const answer = await request();
    const added = (await rows()).filter((id) => !before.has(id));
    if (added.length !== 1) throw new Error(`the request added ${added.length} idempotency keys`);
    return { answer, keyRow: added[0]! };
  }

  it('deletes published events and inbox rows past their time, and nothing newer', async () => {
    const { missionId } = await openMission(system);
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const old = await call(url, { body: registrationInput(1) });
    const recent = await call(url, { body: registrationInput(2) });
    const registration = system.schemaOf('registration');
    const outbox = () => withDatabase(async (db) => (await db.query(`SELECT payload->>'subject' AS subject, published_at FROM "${registration}".outbox`)).rows);
    await eventually(async () => (await outbox()).every((row: { published_at: Date | null }) => row.published_at !== null), {
      what: 'the outbox to be relayed',
    });
    const missionCreated = await missionCreatedId(missionId);

    await withDatabase(async (db) => {
      await db.query(`UPDATE "${registration}".outbox SET published_at = now() - interval '8 days' WHERE payload->>'subject' = $1`, [old.body.id]);
      await db.query(`UPDATE "${registration}".inbox SET received_at = now() - interval '15 days' WHERE event_id = $1`, [missionCreated]);
    });

    const swept = await system.app('registration').get(MessageRetention).sweep();
    expect(swept).toEqual({ outbox: 1, inbox: 1 });
    const subjects = (await outbox()).map((row: { subject: string }) => row.subject);
    expect(subjects).toContain(recent.body.id);
    expect(subjects).not.toContain(old.body.id);
  });

  it('forgets kept responses of create calls after a day, and keeps the newer ones replayable', async () => {
    const { missionId } = await openMission(system);
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const { answer: first, keyRow: oldKey } = await claimingAKey(() => call(url, { body: registrationInput(3), headers: { 'Idempotency-Key': 'old-key' } }));
    const second = await call(url, { body: registrationInput(4), headers: { 'Idempotency-Key': 'recent-key' } });
    const registration = system.schemaOf('registration');
    await withDatabase((db) => db.query(`UPDATE "${registration}".idempotency_keys SET created_at = now() - interval '25 hours' WHERE id = $1`, [oldKey]));

    expect(await system.app('registration').get(IdempotencyKeyRetention).run()).toBe(1);
    const replayed = await call(url, { body: registrationInput(4), headers: { 'Idempotency-Key': 'recent-key' } });
    expect(replayed.status).toBe(201);
    expect(replayed.body.id).toBe(second.body.id);
    const reusedAfterADay = await call(url, { body: registrationInput(3), headers: { 'Idempotency-Key': 'old-key' } });
    expect(reusedAfterADay.status).toBe(409);
    expect(first.status).toBe(201);
  });

  it('leaves both sweeps to the instance already sweeping', async () => {
    const { missionId } = await openMission(system);
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const { answer, keyRow } = await claimingAKey(() => call(url, { body: registrationInput(5), headers: { 'Idempotency-Key': 'swept-elsewhere' } }));
    expect(answer.status).toBe(201);
    const missionCreated = await missionCreatedId(missionId);
    const registration = system.schemaOf('registration');
    const retention = system.app('registration').get(MessageRetention);
    const keys = system.app('registration').get(IdempotencyKeyRetention);

    await withDatabase(async (anotherInstance) => {
      await anotherInstance.query(`UPDATE "${registration}".inbox SET received_at = now() - interval '15 days' WHERE event_id = $1`, [missionCreated]);
      await anotherInstance.query(`UPDATE "${registration}".idempotency_keys SET created_at = now() - interval '25 hours' WHERE id = $1`, [keyRow]);
      await anotherInstance.query(
        `SELECT pg_advisory_lock(hashtext('mission-hub:retention:' || $1)), pg_advisory_lock(hashtext('mission-hub:idempotency-keys:' || $1))`,
        [registration],
      );
      expect(await retention.sweep()).toEqual({ outbox: 0, inbox: 0 });
      expect(await keys.run()).toBe(0);
    });

    expect((await retention.sweep()).inbox).toBe(1);
    expect(await keys.run()).toBe(1);
  });
});
