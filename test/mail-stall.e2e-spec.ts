import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';

const BURST = 200;
const CONCURRENCY = 8;
/** Longer than the mailer's greeting timeout (10 s): every attempt during it waits that long on a silent server. */
const STALL_AT_LEAST_MS = 15_000;

function p99(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
}

describe('an SMTP server that accepts connections and then stalls', () => {
  const system = useSystem({
    services: ['scheduling', 'registration', 'notifications'],
    mailRetryDelaysMs: Array.from({ length: 30 }, () => 1000),
  });

  it('holds no database connection or transaction while mail waits on it: registration answers as fast as without it, and the mail goes out after', async () => {
    const { missionId, token } = await openMission(system, { capacity: 1000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    /** `BURST` registrations, `CONCURRENCY` at a time; the time each took to be answered. */
    const burst = async (from: number): Promise<number[]> => {
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < BURST) {
            const n = from + next++;
            const started = performance.now();
            const response = await call(url, { body: registrationInput(n), headers: { 'Idempotency-Key': `stall-${n}` } });
            latencies.push(performance.now() - started);
            expect(response.status).toBe(201);
          }
        }),
      );
      return latencies;
    };
    const addresses = (from: number) => Array.from({ length: BURST }, (_, n) => registrationInput(from + n).email);
    const allMailed = (from: number) =>
      eventually(() => addresses(from).every((to) => system.smtp.to(to).length > 0), { what: `the mail of ${from}…`, timeoutMs: 90_000 });

    const without = await burst(9000);
    await allMailed(9000);

    // Watch, while the server stalls: notifications' transactions open for more than a second, and its own HTTP API.
    const notifications = `mission-hub:${system.schemaOf('notifications')}`;
    let longestTransactions = 0;
    let slowestDeliveryLogMs = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const [{ open }] = await withDatabase(
          async (db) =>
            (
              await db.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE application_name = $1 AND xact_start < now() - interval '1 second'`, [
                notifications,
              ])
            ).rows,
        );
        longestTransactions = Math.max(longestTransactions, open);
        const started = performance.now();
        const log = await call(`${system.url('notifications')}/api/missions/${missionId}/deliveries?limit=5`, { token });
        slowestDeliveryLogMs = Math.max(slowestDeliveryLogMs, performance.now() - started);
        expect(log.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    system.smtp.stall(true);
    const stalledAt = Date.now();
    const during = await burst(9200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, STALL_AT_LEAST_MS - (Date.now() - stalledAt))));
    watching = false;
    await watch;
    system.smtp.stall(false);
    await allMailed(9200);

    const figures = { withoutStallP99Ms: Math.round(p99(without)), duringStallP99Ms: Math.round(p99(during)) };
    console.log(
      `registration p99 without the stall: ${figures.withoutStallP99Ms} ms; during it: ${figures.duringStallP99Ms} ms; ` +
        `notifications transactions open > 1 s at once: ${longestTransactions}; slowest delivery log read during the stall: ${Math.round(slowestDeliveryLogMs)} ms`,
    );
    expect(longestTransactions).toBe(0);
    // A read that waited on a connection held by a send would take the greeting timeout (10 s); half of it leaves room
    // for a shared machine (2 s was once missed by 44 ms while another test file took Postgres's connections).
    expect(slowestDeliveryLogMs).toBeLessThan(5000);
    expect(figures.duringStallP99Ms).toBeLessThanOrEqual(2 * figures.withoutStallP99Ms);
    // Each participant mailed, once: a copy re-sent after the stall has the same Message-ID.
    for (const to of [...addresses(9000), ...addresses(9200)]) expect(new Set(system.smtp.to(to).map((mail) => mail.messageId)).size).toBe(1);
  }, 240_000);
});
