import { randomUUID } from 'node:crypto';
import { call, openMission } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';

/** Runs of several instances of scheduling share one table: a run is abandoned only when its own instance stopped. */
describe('scheduling runs when more than one instance works', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });

  /** A run as another instance of scheduling leaves it: working on it, its last word `secondsAgo` ago. */
  const runOfAnotherInstance = (missionId: string, secondsAgo: number) =>
    withDatabase(async (db) => {
      const id = randomUUID();
      await db.query(
        `INSERT INTO "${system.schemaOf('scheduling')}".matchmaking_runs (id, mission_id, status, rebuild, requested_by, progress, started_at, heartbeat_at)
         VALUES ($1, $2, 'running', false, 'another instance', 'placing meetings', now() - make_interval(secs => $3), now() - make_interval(secs => $3))`,
        [id, missionId, secondsAgo],
      );
      return id;
    });

  it('leaves a run another instance is working on alone, and takes over from one whose instance stopped', async () => {
    const { missionId, token } = await openMission(system);
    const runs = `${system.url('scheduling')}/api/missions/${missionId}/matchmaking/runs`;

    const working = await runOfAnotherInstance(missionId, 2);
    const refused = await call(runs, { token, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ runId: working });
    expect((await call(`${runs}/${working}`, { token })).body.status).toBe('running');

    await withDatabase((db) =>
      db.query(`UPDATE "${system.schemaOf('scheduling')}".matchmaking_runs SET heartbeat_at = now() - interval '5 minutes' WHERE id = $1`, [working]),
    );
    const started = await call(runs, { token, body: {} });
    expect(started.status).toBe(202);
    expect((await call(`${runs}/${working}`, { token })).body).toMatchObject({ status: 'failed', error: expect.stringMatching(/stopped/) });
    await eventually(async () => (await call(`${runs}/${started.body.id}`, { token })).body.status === 'succeeded', { what: 'the new run to finish' });
  });
});
