import pg from 'pg';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { TEST_DATABASE_URL } from './support/isolation.js';
import { useSystem } from './support/system.js';

describe('the database limits of a service', () => {
  // One connection, short waits: a lock held elsewhere is enough to meet both limits.
  const system = useSystem({
    services: ['scheduling', 'registration'],
    env: (service): Record<string, string> =>
      service === 'registration' ? { DB_POOL_SIZE: '1', DB_LOCK_TIMEOUT_MS: '3000', DB_POOL_ACQUIRE_TIMEOUT_MS: '300' } : {},
  });

  it('answers 503 with Retry-After past a lock wait or a wait for a connection, keeps nothing of it, and takes the retry', async () => {
    const { missionId: busy } = await openMission(system);
    const { missionId: other } = await openMission(system);
    const url = (missionId: string) => `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    try {
      // Someone else (a stuck instance, an administrator) holds the mission's seats.
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM "${system.schemaOf('registration')}".registration_settings WHERE mission_id = $1 FOR UPDATE`, [busy]);
      const headers = { 'Idempotency-Key': 'limits-1' };
      const waiting = call(url(busy), { body: registrationInput(9900), headers });
      // While that request holds the only connection, waiting on the lock, another finds none in time.
      await eventually(
        async () =>
          (
            await holder.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [
              `mission-hub:${system.schemaOf('registration')}`,
            ])
          ).rowCount === 1,
        { what: 'the registration to wait on the lock' },
      );
      const noConnection = await call(url(other), { body: registrationInput(9901) });
      const lockWait = await waiting;
      for (const answer of [lockWait, noConnection]) {
        expect(answer.status).toBe(503);
        expect(answer.body.type).toMatch(/database-busy$/);
        expect(answer.headers.get('retry-after')).toBe('1');
      }
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
    const retried = await call(url(busy), { body: registrationInput(9900), headers: { 'Idempotency-Key': 'limits-1' } });
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await call(url(other), { body: registrationInput(9901) })).status).toBe(201);
  });
});
