import { call, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { TEST_DATABASE_URL, withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';
import { TcpProxy } from './support/tcp-proxy.js';

const postgres = new URL(TEST_DATABASE_URL);
const CUT_FOR_MS = 3000;

describe('the database connection cut under the services in the middle of a burst of keyed registrations', () => {
  const proxy = new TcpProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
  beforeAll(() => proxy.start());
  const system = useSystem({ services: ['scheduling', 'registration'], env: () => ({ DATABASE_URL: proxy.urlFor(TEST_DATABASE_URL) }) });
  afterAll(() => proxy.stop());

  it('stores one registration per key, each answered with its stored response when retried, whatever the cut told its requester', async () => {
    const { missionId } = await openMission(system, { capacity: 1000 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const requests = Array.from({ length: 300 }, (_, n) => ({ key: `cut-${missionId}-${n}`, body: registrationInput(8000 + n) }));
    const send = (request: (typeof requests)[number]) => call(url, { body: request.body, headers: { 'Idempotency-Key': request.key } });

    const first = new Map<string, ApiResponse | undefined>();
    let answered = 0;
    const burst = Promise.all(
      requests.map(async (request, n) => {
        await new Promise((resolve) => setTimeout(resolve, n * 10));
        const response = await send(request).catch(() => undefined);
        first.set(request.key, response);
        if (response?.status === 201) answered++;
      }),
    );
    await eventually(() => answered >= 60, { what: 'the burst to be under way', timeoutMs: 60_000 });
    proxy.cutOff();
    // How long the network is down (not a wait for something to happen).
    await new Promise((resolve) => setTimeout(resolve, CUT_FOR_MS));
    proxy.restore();
    await burst;
    const toldUnavailable = requests.filter((request) => first.get(request.key)?.status === 503);
    const otherwise = requests.filter((request) => ![201, 503].includes(first.get(request.key)?.status ?? 0));
    expect(otherwise.map((request) => ({ key: request.key, status: first.get(request.key)?.status, body: first.get(request.key)?.body }))).toEqual([]);
    // The cut landed inside the burst.
    expect(toldUnavailable.length).toBeGreaterThan(0);

    // Every key sent again until it is answered for good (503 while the pool reconnects).
    const final = new Map<string, ApiResponse>();
    await Promise.all(
      requests.map(async (request) => {
        final.set(
          request.key,
          await eventually(
            async () => {
              const retry = await send(request).catch(() => undefined);
              return retry && retry.status !== 503 ? retry : undefined;
            },
            { what: `a lasting answer to ${request.key}`, timeoutMs: 60_000, intervalMs: 250 },
          ),
        );
      }),
    );
    const refused = requests
      .filter((request) => final.get(request.key)!.status !== 201)
      .map((request) => ({
        key: request.key,
        first: first.get(request.key)?.status,
        retry: final.get(request.key)!.status,
        body: final.get(request.key)!.body,
      }));
    const committedAlthough503 = toldUnavailable.filter((request) => final.get(request.key)!.headers.get('idempotent-replayed') === 'true');
    console.log(
      `database cut for ${CUT_FOR_MS} ms: ${requests.length} keyed registrations, ${answered} answered 201 and ${toldUnavailable.length} answered 503 at first; ` +
        `${committedAlthough503.length} of those had committed (their retry replayed the stored answer), ${refused.length} retries refused`,
    );
    // None told 503 whose retry says "already registered" (or "in progress"): every retry is the stored answer or a fresh success.
    expect(refused).toEqual([]);
    for (const request of requests) {
      const answer = first.get(request.key);
      if (answer?.status === 201) {
        expect(final.get(request.key)!.headers.get('idempotent-replayed')).toBe('true');
        expect(final.get(request.key)!.body).toEqual(answer.body);
      }
    }

    const stored = await withDatabase(
      async (db) =>
        (await db.query(`SELECT id, email FROM "${system.schemaOf('registration')}".registrations WHERE mission_id = $1`, [missionId])).rows as {
          id: string;
          email: string;
        }[],
    );
    // As many registrations as 2xx answers, one per e-mail, and each the one its requester holds.
    expect(stored).toHaveLength(requests.length);
    expect(new Set(stored.map((row) => row.email)).size).toBe(requests.length);
    expect(new Set(stored.map((row) => row.id))).toEqual(new Set(requests.map((request) => final.get(request.key)!.body.id)));
  }, 180_000);
});
