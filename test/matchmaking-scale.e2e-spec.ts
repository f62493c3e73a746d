import { randomUUID } from 'node:crypto';
import { call, missionInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { createSession, placesOf, release, sessionInput } from './support/programme.js';
import { useSystem } from './support/system.js';

/** Deterministic pseudo-random numbers (mulberry32), so the instance is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a scheduling run at the size of a large mission', () => {
  const system = useSystem({ services: ['scheduling'] });

  it('places 5,000 accepted meetings of 1,000 participants in the background and announces each once', async () => {
    const token = system.organiserToken();
    const created = await call(`${system.url('scheduling')}/api/missions`, { token, body: missionInput() });
    const missionId = created.body.id as string;
    const api = `${system.url('scheduling')}/api/missions/${missionId}`;
    const { chengdu } = await placesOf(system, token, missionId);
    const blocks = [
      await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T09:00:00Z', { kind: 'b2b_meeting_block' })),
      await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-11T01:00:00Z', '2019-06-11T09:00:00Z', { kind: 'b2b_meeting_block' })),
    ];
    await release(system, token, missionId);
    for (const block of blocks) {
      expect((await call(`${api}/sessions/${block}/meeting-block`, { method: 'PUT', token, body: { slotMinutes: 30, tables: 200 } })).status).toBe(200);
    }

    // 1,000 confirmed participants and 5,000 accepted requests, written straight into scheduling's tables:
    // going through registration and the request API would measure those, not the run.
    const next = random(7);
    const participants = Array.from({ length: 1000 }, () => randomUUID());
    const pairs = new Set<string>();
    const meetings: [string, string, string, number][] = [];
    while (meetings.length < 5000) {
      const [a, b] = [Math.floor(next() * 1000), Math.floor(next() * 1000)];
      const key = a < b ? `${a}:${b}` : `${b}:${a}`;
      if (a === b || pairs.has(key)) continue;
      pairs.add(key);
      meetings.push([randomUUID(), participants[a], participants[b], 1 + Math.floor(next() * 5)]);
    }
    const schema = system.schemaOf('scheduling');
    await withDatabase(async (client) => {
      await client.query(
        `INSERT INTO ${schema}.participants (registration_id, mission_id, status, preferred_language, timezone, as_of)
         SELECT id, $2, 'confirmed', 'en', 'Europe/Madrid', now() FROM unnest($1::uuid[]) AS id`,
        [participants, missionId],
      );
      await client.query(
        `INSERT INTO ${schema}.meetings (id, mission_id, requester_id, invitee_id, priority, status)
         SELECT id, $5, requester, invitee, priority, 'accepted' FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[]) AS m(id, requester, invitee, priority)`,
        [meetings.map((m) => m[0]), meetings.map((m) => m[1]), meetings.map((m) => m[2]), meetings.map((m) => m[3]), missionId],
      );
    });

    const started = await call(`${api}/matchmaking/runs`, { token, body: { limitPerParticipant: 12 } });
    expect(started.status).toBe(202);
    const answeredAt = Date.now();
    // The scheduler works in a worker thread: the service keeps answering meanwhile.
    let slowest = 0;
    const run = await eventually(
      async () => {
        const asked = Date.now();
        const seen = await call(`${api}/matchmaking/runs/${started.body.id}`, { token });
        slowest = Math.max(slowest, Date.now() - asked);
        return seen.body.status === 'succeeded' || seen.body.status === 'failed' ? seen.body : undefined;
      },
      { what: 'the run to finish', timeoutMs: 180_000, intervalMs: 200 },
    );
    expect(run.status).toBe('succeeded');
    const { scheduled, unscheduled, timetablesPublished } = run.result;
    expect(scheduled + unscheduled.length).toBe(5000);
    // Those left out are left out for a reason (mostly participants with more than 12 accepted requests).
    const reasons = new Map<string, number>();
    for (const { reason } of unscheduled as { reason: string }[]) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    expect([...reasons.keys()].every((reason) => ['limit-reached', 'no-free-slot', 'no-common-slot'].includes(reason))).toBe(true);
    expect(scheduled).toBeGreaterThan(4500);
    const seconds = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
    console.log(
      `run: ${scheduled} of 5000 placed, ${timetablesPublished} timetables, ${seconds.toFixed(1)} s from start to commit (${((Date.now() - answeredAt) / 1000).toFixed(1)} s seen by the client; ${JSON.stringify(run.result.timings)}; slowest answer while it ran ${slowest} ms), left out: ${JSON.stringify(Object.fromEntries(reasons))}`,
    );

    await eventually(() => system.tap.ofType('meeting.timetable_published', (event) => event.missionid === missionId).length === timetablesPublished, {
      what: 'every timetable published',
      timeoutMs: 120_000,
    });
    expect(system.tap.ofType('meeting.scheduled', (event) => event.missionid === missionId)).toHaveLength(scheduled);
  }, 420_000);
});
