/**
 * Every service twice, on a RabbitMQ cluster of three nodes started by the test (beside the
 * machine's broker): in the middle of a burst of registrations, enrolments and MoU changes, one
 * instance of each service is killed with SIGKILL, then the node leading the busiest queues. See
 * docs/DESIGN.md, "Running several instances".
 */
import type { ServiceName } from '#common';
import { queueNames } from '#messaging';
import { call, listAll, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { mouInput } from './support/mou.js';
import { createSession, placesOf, release, sessionInput } from './support/programme.js';
import { RabbitmqCluster } from './support/rabbitmq-cluster.js';
import { outboxRelayed } from './support/settled.js';
import { useSystem } from './support/system.js';

const everyService: ServiceName[] = ['scheduling', 'registration', 'mou-registry', 'notifications', 'dashboard'];
const PERIOD_MS = 3000;
const periodicJobs = ['retention', 'idempotency-keys', 'mou-follow-up', 'action-plan-reminders', 'reminders', 'closing-reminders'];
/** The jobs only one service runs; the others run in every service. */
const ownedJobs: Record<string, string> = {
  'mou-follow-up': 'mou-registry',
  'action-plan-reminders': 'mou-registry',
  reminders: 'scheduling',
  'closing-reminders': 'registration',
};

/** A call to one of the instances, the next one when the one tried is gone (refused: the request never reached it). */
async function callAny(urls: string[], turn: number, path: string, init: Parameters<typeof call>[1] = {}): Promise<ApiResponse | undefined> {
  for (let n = 0; n < urls.length; n++) {
    try {
      return await call(`${urls[(turn + n) % urls.length]}${path}`, init);
    } catch {
      // refused or cut: the other instance
    }
  }
  return undefined;
}

describe('every service twice on a RabbitMQ cluster, one instance of each and a broker node killed mid-burst', () => {
  const cluster = new RabbitmqCluster();
  beforeAll(() => cluster.start(), 240_000);
  const system = useSystem({
    mode: 'process',
    instances: 2,
    services: everyService,
    rabbitmqUrl: () => cluster.url,
    env: () => ({
      PERIODIC_JOBS: periodicJobs.map((job) => `${job}=${PERIOD_MS}`).join(','),
      // Ten processes on the test database, which other runs share.
      DB_POOL_SIZE: '4',
    }),
  });
  afterAll(() => cluster.remove(), 120_000);

  it('loses nothing answered 2xx, mails nothing twice, runs each periodic job once per period, and every read model agrees with its source', async () => {
    const began = new Date();
    // Every queue is replicated on the three nodes.
    for (const service of ['registration', 'scheduling', 'notifications', 'dashboard', 'mou-registry']) {
      expect((await cluster.members(queueNames(service).main)).sort()).toEqual([...cluster.nodeNames].sort());
    }
    const { missionId, token } = await openMission(system, { capacity: 1000 });
    const { chengdu } = await placesOf(system, token, missionId);
    const sessionId = await createSession(system, token, missionId, sessionInput(chengdu, '2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', { capacity: 20 }));
    await release(system, token, missionId);
    const urls = Object.fromEntries(everyService.map((service) => [service, system.urls(service)])) as Record<ServiceName, string[]>;
    expect(Object.values(urls).every((instances) => instances.length === 2)).toBe(true);

    const mainQueues = everyService.map((service) => queueNames(service).main);
    const registered: Array<{ id: string; accessToken: string; email: string }> = [];
    const enrolled: string[] = [];
    const mous: string[] = [];
    const milestones: Array<{ id: string; owner: string }> = [];
    // A participant registers on one registration instance and, once scheduling knows them, enrols on one scheduling instance.
    const participant = async (n: number) => {
      const input = registrationInput(50_000 + n);
      const answer = await call(`${urls.registration[n % 2]}/api/missions/${missionId}/registrations`, { body: input }).catch(() => undefined);
      if (answer?.status !== 201) return;
      registered.push({ id: answer.body.id, accessToken: answer.body.accessToken, email: input.email });
      const known = await eventually(
        async () =>
          (await callAny(urls.scheduling, n, `/api/missions/${missionId}/participants/${answer.body.id}/agenda`, { token: answer.body.accessToken }))
            ?.status === 200,
        { what: `scheduling to know participant ${n}`, timeoutMs: 90_000 },
      ).catch(() => false);
      if (!known) return;
      const enrolment = await callAny(urls.scheduling, n, `/api/missions/${missionId}/sessions/${sessionId}/enrolments`, {
        method: 'POST',
        token: answer.body.accessToken,
      });
      if (enrolment && enrolment.status >= 200 && enrolment.status < 300) enrolled.push(answer.body.id);
    };
    // MoUs of the mission, each with a milestone overdue at once: the registry's periodic check announces it.
    const mouChange = async (n: number) => {
      const created = await callAny(urls['mou-registry'], n, '/api/mous', { token, body: mouInput({ missionId }) });
      if (created?.status !== 201) return;
      mous.push(created.body.id);
      const owner = `owner${n}@example.es`;
      const milestone = await callAny(urls['mou-registry'], n + 1, `/api/mous/${created.body.id}/milestones`, {
        token,
        body: { title: `Pilot report ${n}`, dueOn: '2019-06-20', owner: { name: `Owner ${n}`, email: owner } },
      });
      if (milestone?.status === 201) milestones.push({ id: milestone.body.id, owner });
    };
    // Paced, and on until the broker node is killed and a while beyond: both kills land inside the burst however long they take.
    let nodeKilled = false;
    const started: Promise<void>[] = [];
    const burst = (async () => {
      for (let n = 0, afterKill = 0; afterKill < 30; n++, afterKill += nodeKilled ? 1 : 0) {
        started.push(participant(n));
        if (n % 5 === 0) started.push(mouChange(n / 5));
        await new Promise((resolve) => setTimeout(resolve, 80));
      }
    })();

    const atNodeKill = { answered: 0 };
    try {
      await eventually(() => registered.length >= 20 && mous.length >= 4, { what: 'the burst under way', timeoutMs: 60_000 });
      await Promise.all(everyService.map((service) => system.killService(service, 1)));
      const leaders = await cluster.leaders();
      const leading = new Map<string, number>();
      for (const queue of mainQueues) leading.set(leaders.get(queue)!, (leading.get(leaders.get(queue)!) ?? 0) + 1);
      const busiest = [...leading].sort((a, b) => b[1] - a[1])[0]![0];
      atNodeKill.answered = registered.length;
      await cluster.kill(busiest);
    } finally {
      // The burst ends whatever failed, or it would outlive the test.
      nodeKilled = true;
      await burst;
    }
    await Promise.all(started);
    // The kills landed inside the burst: some of it was answered after them.
    expect(registered.length).toBeGreaterThan(atNodeKill.answered);

    // Nothing answered 2xx is lost.
    const stored = await listAll(`${system.url('registration')}/api/missions/${missionId}/registrations?status=confirmed&limit=500`, token);
    expect(stored.map((registration) => registration.id)).toEqual(expect.arrayContaining(registered.map((registration) => registration.id)));
    const enrolments = await listAll(`${system.url('scheduling')}/api/missions/${missionId}/sessions/${sessionId}/enrolments?limit=100`, token);
    expect(enrolments.map((enrolment) => enrolment.registrationId)).toEqual(expect.arrayContaining(enrolled));
    const register = await listAll(`${system.url('mou-registry')}/api/mous?mission=${missionId}&limit=100`, token);
    expect(register.map((mou) => mou.id)).toEqual(expect.arrayContaining(mous));

    // Everything is relayed and handled, on the two nodes left.
    for (const service of everyService.filter((service) => service !== 'dashboard')) await outboxRelayed(system, service);
    await eventually(
      async () => {
        const backlogs = await cluster.backlogs();
        return mainQueues.every((queue) => [...backlogs].every(([name, backlog]) => !name.startsWith(queue) || name.endsWith('.dead') || backlog === 0));
      },
      { what: 'every queue handled', timeoutMs: 90_000 },
    );

    // Every read model agrees with its source.
    const summary = async () => (await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token })).body;
    const count = (status: string) => enrolments.filter((enrolment) => enrolment.status === status).length;
    await eventually(
      async () => {
        const now = await summary();
        const session = now?.sessions?.find((entry: { sessionId: string }) => entry.sessionId === sessionId);
        return (
          now?.registrations?.byStatus?.confirmed === stored.length &&
          session?.enrolments?.confirmed === count('confirmed') &&
          session?.enrolments?.waitlisted === count('waitlisted') &&
          now?.mous?.total === register.length
        );
      },
      { what: 'the dashboard to agree with registration, scheduling and the registry', timeoutMs: 60_000 },
    );
    for (const registration of stored) {
      const participant = registered.find((answered) => answered.id === registration.id);
      if (participant) {
        const agenda = await call(`${system.url('scheduling')}/api/missions/${missionId}/participants/${participant.id}/agenda`, {
          token: participant.accessToken,
        });
        expect(agenda.status).toBe(200);
      }
    }

    // Each overdue milestone announced once, by whichever instance's check ran (within a few periods), and its owner mailed.
    const announcements = () =>
      withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT payload->>'subject' AS milestone, count(*)::int AS n FROM "${system.schemaOf('mou-registry')}".outbox WHERE payload->>'type' = 'mou.milestone_due' GROUP BY 1`,
        );
        return new Map(rows.map((row) => [row.milestone as string, row.n as number]));
      });
    await eventually(
      async () => {
        const now = await announcements();
        return milestones.every((milestone) => now.has(milestone.id));
      },
      { what: 'every overdue milestone announced', timeoutMs: 60_000 },
    );
    const announced = await announcements();
    for (const milestone of milestones)
      expect({ milestone: milestone.id, announced: announced.get(milestone.id) }).toEqual({ milestone: milestone.id, announced: 1 });

    // Mail: each stored registration's and each milestone owner's, and no event mailed to anyone as two messages.
    await eventually(
      () =>
        [...stored.map((registration) => registration.email), ...milestones.map((milestone) => milestone.owner)].every((to) => system.smtp.to(to).length > 0),
      { what: 'the e-mails of every registration and milestone', timeoutMs: 90_000 },
    );
    await eventually(
      () =>
        withDatabase(async (db) => {
          const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${system.schemaOf('notifications')}".deliveries WHERE status = 'pending'`);
          return rows[0].n === 0;
        }),
      { what: 'every queued e-mail sent', timeoutMs: 60_000 },
    );
    const messages = new Map<string, Set<string>>();
    for (const mail of system.smtp.received) {
      for (const to of mail.to) {
        const key = `${to} ${mail.eventId ?? mail.subject}`;
        messages.set(key, (messages.get(key) ?? new Set()).add(mail.messageId));
      }
    }
    for (const [key, ids] of messages) expect({ key, messages: ids.size }).toEqual({ key, messages: 1 });

    // Each periodic job ran once per period across the instances (one row each), periods one after the other.
    const runsOf = (service: (typeof everyService)[number]) =>
      withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT job, period_start, instance, finished_at IS NOT NULL AS finished FROM "${system.schemaOf(service)}".periodic_runs
            WHERE period_start >= $1 ORDER BY job, period_start`,
          [began],
        );
        return rows as Array<{ job: string; period_start: Date; instance: string; finished: boolean }>;
      });
    // A fast run ends before six periods have passed: wait for them, then judge every one.
    const jobsOf = (service: (typeof everyService)[number]) => periodicJobs.filter((job) => (ownedJobs[job] ?? service) === service);
    await eventually(
      async () => {
        for (const service of everyService) {
          const runs = await runsOf(service);
          if (jobsOf(service).some((job) => runs.filter((run) => run.job === job).length <= 5)) return false;
        }
        return true;
      },
      { what: 'six periods of every periodic job', timeoutMs: 60_000 },
    );
    for (const service of everyService) {
      const runs = await runsOf(service);
      const jobs = new Set(runs.map((run) => run.job));
      expect(jobsOf(service).every((job) => jobs.has(job))).toBe(true);
      for (const job of jobs) {
        const periods = runs.filter((run) => run.job === job);
        expect(periods.length).toBeGreaterThan(5);
        for (let n = 1; n < periods.length; n++) {
          expect({ service, job, gap: periods[n]!.period_start.getTime() - periods[n - 1]!.period_start.getTime() }).toEqual({ service, job, gap: PERIOD_MS });
        }
        // The killed instance may have claimed one period and died in it; every other finished.
        expect(periods.filter((period) => !period.finished).length).toBeLessThanOrEqual(1);
      }
    }
  }, 300_000);
});
