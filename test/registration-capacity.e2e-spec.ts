import { call, listAll, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { useSystem } from './support/system.js';

describe('capacity under a rush of registrations', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'dashboard'] });

  it('confirms exactly 150 of 200 simultaneous registrations and waitlists the rest in order', async () => {
    const { missionId, token } = await openMission(system, { capacity: 150 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const responses = await Promise.all(Array.from({ length: 200 }, (_, n) => call(url, { body: registrationInput(1000 + n) })));

    expect(responses.map((response) => response.status).filter((status) => status !== 201)).toEqual([]);
    const statuses = responses.map((response) => response.body.status);
    expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(150);
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(50);

    expect(await listAll(`${url}?status=confirmed&limit=100`, token)).toHaveLength(150);

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

  it('in a rush, refuses a repeated e-mail and a form with a NUL character on their own, and seats everyone else within quota', async () => {
    // Barcelona's quota is never reached: the mission's delegations are a closed list once it has any.
    const { missionId, token } = await openMission(system, { capacity: 20, delegationQuotas: { Lyon: 4, Barcelona: 20 } });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    expect((await call(url, { body: registrationInput(1) })).status).toBe(201);

    const lyon = Array.from({ length: 12 }, (_, n) => registrationInput(100 + n, { delegation: 'Lyon' }));
    const barcelona = Array.from({ length: 13 }, (_, n) => registrationInput(200 + n));
    const forms = [
      ...lyon,
      ...barcelona,
      registrationInput(1, { email: 'Delegate1@Example.org' }), // registered before the rush
      registrationInput(200, { email: 'DELEGATE200@example.org' }), // the same address as a form of the rush
      registrationInput(300, { familyName: 'Nul\u0000' }), // text Postgres could not store: refused before it is tried
    ];
    const responses = await Promise.all(forms.map((body) => call(url, { body })));
    const statusOf = (email: string) => responses[forms.findIndex((form) => form.email === email)]!.status;

    expect(statusOf('Delegate1@Example.org')).toBe(409);
    expect([statusOf('delegate200@example.org'), statusOf('DELEGATE200@example.org')].sort()).toEqual([201, 409]);
    expect(statusOf('delegate300@example.org')).toBe(400);
    const others = [...lyon, ...barcelona.slice(1)].map((form) => statusOf(form.email));
    expect(others.filter((status) => status !== 201)).toEqual([]);

    const listed = (await call(`${url}?limit=100`, { token })).body.items;
    expect(listed.map((registration: any) => registration.email.toLowerCase()).sort()).toEqual(
      ['delegate1@example.org', ...lyon.map((form) => form.email), ...barcelona.map((form) => form.email)].sort(),
    );
    const lyonListed = listed.filter((registration: any) => registration.delegation === 'Lyon');
    expect(lyonListed.filter((registration: any) => registration.status === 'confirmed')).toHaveLength(4);
    expect(
      lyonListed
        .map((registration: any) => registration.waitlistPosition)
        .filter(Boolean)
        .sort((a: number, b: number) => a - b),
    ).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    expect(
      listed.filter((registration: any) => registration.delegation === 'Barcelona').every((registration: any) => registration.status === 'confirmed'),
    ).toBe(true);
  });
});
