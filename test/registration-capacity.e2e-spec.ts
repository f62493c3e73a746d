import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { startSystem, type TestSystem } from './support/system.js';

describe('capacity under a rush of registrations', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ services: ['scheduling', 'registration', 'dashboard'] });
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  }, 60_000);

  it('confirms exactly 150 of 200 simultaneous registrations and waitlists the rest in order', async () => {
    const { missionId, token } = await openMission(system, { capacity: 150 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const responses = await Promise.all(Array.from({ length: 200 }, (_, n) => call(url, { body: registrationInput(1000 + n) })));

    expect(responses.map((response) => response.status).filter((status) => status !== 201)).toEqual([]);
    const statuses = responses.map((response) => response.body.status);
    expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(150);
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(50);

    const confirmed = [];
    let cursor: string | null = null;
    do {
      const page: any = await call(`${url}?status=confirmed&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      confirmed.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(confirmed).toHaveLength(150);

    const waitlisted = (await call(`${url}?status=waitlisted&limit=100`, { token })).body.items;
    expect(waitlisted.map((registration: any) => registration.waitlistPosition).sort((a: number, b: number) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );

    // The dashboard agrees, once every event has reached it.
    await eventually(
      async () => {
        const summary = await call(`${system.url('dashboard')}/api/missions/${missionId}/summary`, { token });
        return summary.body?.registrations?.byStatus?.confirmed === 150 && summary.body.registrations.byStatus.waitlisted === 50;
      },
      { what: 'the dashboard to count 150 confirmed and 50 waitlisted', timeoutMs: 30_000 },
    );
    expect(system.tap.ofType('registration.confirmed', (event) => event.missionid === missionId)).toHaveLength(150);
  });
});
