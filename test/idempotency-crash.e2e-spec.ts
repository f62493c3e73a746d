import type { ServiceName } from '#common';
import { call, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { mouInput } from './support/mou.js';
import { useSystem } from './support/system.js';

const services: ServiceName[] = ['scheduling', 'registration', 'mou-registry'];

/** One keyed request of the burst: what it sends, and what it was answered before the kill (nothing if the kill cut it off). */
interface Keyed {
  url: string;
  key: string;
  body: unknown;
  token?: string;
  before?: ApiResponse;
}

function send(request: Keyed): Promise<ApiResponse> {
  return call(request.url, { body: request.body, token: request.token, headers: { 'Idempotency-Key': request.key } });
}

describe('the whole system killed with keyed requests in flight', () => {
  const system = useSystem({ mode: 'process', services });

  it('answers every retry with its key with the kept response or a fresh success, never 409, and makes no change twice', async () => {
    const { missionId, token } = await openMission(system, { capacity: 1000 });
    const registrations: Keyed[] = Array.from({ length: 150 }, (_, n) => ({
      url: `${system.url('registration')}/api/missions/${missionId}/registrations`,
      key: `form-${missionId}-${n}`,
      body: registrationInput(7000 + n),
    }));
    const mous: Keyed[] = Array.from({ length: 60 }, (_, n) => ({
      url: `${system.url('mou-registry')}/api/mous`,
      key: `mou-${missionId}-${n}`,
      body: mouInput(),
      token,
    }));
    let answered = 0;
    // Spread over ~600 ms so that the kill lands inside the burst, with requests of both kinds under way.
    const burst = [...registrations.map((request, n) => [request, n * 4] as const), ...mous.map((request, n) => [request, n * 10] as const)].map(
      async ([request, delayMs]) => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        request.before = await send(request).catch(() => undefined);
        if (request.before?.status === 201) answered++;
      },
    );
    await eventually(() => answered >= 40, { what: 'the burst to be under way' });
    await Promise.all(services.map((service) => system.killService(service)));
    await Promise.all(burst);
    const all = [...registrations, ...mous];
    const cutOff = all.filter((request) => request.before?.status !== 201);
    // The kill landed inside the burst: some requests of it were never answered.
    expect(cutOff.length).toBeGreaterThan(0);
    for (const service of services) await system.startService(service);

    for (const request of all) request.url = request.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, system.url(request.token ? 'mou-registry' : 'registration'));
    // Sent again as a client would: a 503 (the database busy with everyone's retries at once) says to try again after Retry-After.
    let busy = 0;
    const retries = await Promise.all(
      all.map(async (request) => ({
        request,
        retry: await eventually(
          async () => {
            const retry = await send(request);
            if (retry.status !== 503) return retry;
            busy++;
            await new Promise((resolve) => setTimeout(resolve, Number(retry.headers.get('retry-after') ?? 1) * 1000));
            return undefined;
          },
          { what: `a lasting answer to ${request.key}`, timeoutMs: 120_000 },
        ),
      })),
    );
    const statuses = retries.map(({ request, retry }) => `${request.key}: ${retry.status}${retry.status === 201 ? '' : ` ${JSON.stringify(retry.body)}`}`);
    console.log(
      `${answered} of ${all.length} answered 201 before the kill; after it: ${retries.filter(({ retry }) => retry.headers.get('idempotent-replayed') === 'true').length} replayed, ` +
        `${retries.filter(({ retry }) => retry.status === 201 && retry.headers.get('idempotent-replayed') !== 'true').length} run afresh, ` +
        `${retries.filter(({ retry }) => retry.status !== 201).length} refused (and ${busy} answers 503 on the way, tried again)`,
    );
    expect(statuses.filter((status) => !status.endsWith(': 201'))).toEqual([]);
    // What was answered before the kill is what the retry is answered: the same registration, the same MoU.
    for (const { request, retry } of retries) {
      if (request.before?.status === 201) {
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        expect(retry.body).toEqual(request.before.body);
      }
    }

    const registration = system.schemaOf('registration');
    const mouRegistry = system.schemaOf('mou-registry');
    const stored = await withDatabase(async (db) => ({
      registrations: (await db.query(`SELECT email, count(*)::int AS n FROM "${registration}".registrations WHERE mission_id = $1 GROUP BY email`, [missionId]))
        .rows,
      mous: (await db.query(`SELECT id, reference FROM "${mouRegistry}".mous`)).rows,
    }));
    // One registration per e-mail, and it is the one each requester was given.
    expect(stored.registrations.filter((row) => row.n !== 1)).toEqual([]);
    expect(stored.registrations).toHaveLength(registrations.length);
    const registrationRetries = retries.filter(({ request }) => !request.token);
    expect(new Set(registrationRetries.map(({ retry }) => retry.body.id)).size).toBe(registrations.length);
    // One MoU, and one reference, per key.
    expect(stored.mous).toHaveLength(mous.length);
    const mouRetries = retries.filter(({ request }) => request.token);
    expect(new Set(mouRetries.map(({ retry }) => retry.body.reference)).size).toBe(mous.length);
    expect(new Set(stored.mous.map((row) => row.id))).toEqual(new Set(mouRetries.map(({ retry }) => retry.body.id)));
  }, 240_000);
});
