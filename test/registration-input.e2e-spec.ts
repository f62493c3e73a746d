import { RegistrationsService } from '../apps/registration/src/registrations/registrations.service.js';
import { call, openMission, registrationInput, type ApiResponse } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { useSystem } from './support/system.js';

describe('bad and hostile input to the registration form', () => {
  const system = useSystem({ services: ['scheduling', 'registration'] });
  let missionId: string;
  let token: string;
  let url: string;

  beforeAll(async () => {
    ({ missionId, token } = await openMission(system, { capacity: 10 }));
    url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
  });

  async function stored(): Promise<number> {
    return (await call(`${url}?limit=500`, { token })).body.items.length;
  }

  const valid = registrationInput(1);
  const invalidFields: Array<[string, Record<string, unknown>]> = [
    ['email', { email: 'not-an-email' }],
    ['email', { email: 42 }],
    ['givenName', { givenName: '' }],
    ['familyName', { familyName: 'x'.repeat(5000) }],
    ['organisation.type', { organisation: { name: 'Acme', type: 'pirates', country: 'ES' } }],
    ['organisation.country', { organisation: { name: 'Acme', type: 'business', country: 'Spain' } }],
    ['organisation.name', { organisation: { type: 'business', country: 'ES' } }],
    ['preferredLanguage', { preferredLanguage: 'english please' }],
    ['timezone', { timezone: 'Europe/Atlantis' }],
    ['consent.dataProcessing', { consent: { dataProcessing: false } }],
    ['consent', { consent: undefined }],
    ['delegation', { delegation: ['Barcelona'] }],
  ];

  it.each(invalidFields)('answers a problem naming %s and stores nothing', async (field, change) => {
    const before = await stored();
    const response = await call(url, { body: { ...valid, email: `field-${field}@example.org`, ...change } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 400 });
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(await stored()).toBe(before);
  });

  it('refuses unknown fields instead of silently dropping them', async () => {
    const response = await call(url, { body: { ...valid, email: 'extra@example.org', isOrganiser: true } });
    expect(response.status).toBe(400);
  });

  it('answers malformed JSON, a wrong content type and a huge body with 4xx problems', async () => {
    const before = await stored();
    const malformed = await call(url, { rawBody: '{"email": "a@b.c",', contentType: 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);

    const form = await call(url, { rawBody: 'email=a%40b.c', contentType: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(form.headers.get('content-type')).toMatch(/problem\+json/);

    const huge = await call(url, { body: { ...valid, email: 'huge@example.org', dietary: 'x'.repeat(2_000_000) } });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/problem\+json/);

    const array = await call(url, { body: [valid] });
    expect(array.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('answers 404 for an unknown mission and 400 for a malformed id, as problems', async () => {
    const unknown = await call(`${system.url('registration')}/api/missions/00000000-0000-4000-8000-000000000000/registrations`, { body: valid });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/problem\+json/);
    const malformed = await call(`${system.url('registration')}/api/missions/not-a-uuid/registrations`, { body: valid });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('answers 422 when registration is closed', async () => {
    const closed = await openMission(system, { capacity: 10, closesAt: '2019-01-01T00:00:00Z' });
    const response = await call(`${system.url('registration')}/api/missions/${closed.missionId}/registrations`, { body: valid });
    expect(response.status).toBe(422);
  });

  it('keeps a script in a name as text, never as markup or SQL', async () => {
    const hostile = { ...valid, email: 'hostile@example.org', givenName: `<script>alert(1)</script>`, familyName: `'); DROP TABLE registrations; --` };
    const response = await call(url, { body: hostile });
    expect(response.status).toBe(201);
    // Read back as JSON strings, character for character: neither escaped into entities nor stripped, nor served as HTML.
    const read = await call(`${system.url('registration')}/api/registrations/${response.body.id}`, { token });
    expect(read.headers.get('content-type')).toMatch(/^application\/json/);
    expect(read.body).toMatchObject({ givenName: hostile.givenName, familyName: hostile.familyName });
    // The statement in the name did not run: the table is there, and lists the registration with its name as given.
    const listed = (await call(`${url}?limit=500`, { token })).body.items.find((item: { id: string }) => item.id === response.body.id);
    expect(listed).toMatchObject({ givenName: hostile.givenName, familyName: hostile.familyName });
  });

  it('refuses alone a registration the database refuses, and stores each of the others that arrived with it once', async () => {
    const { missionId } = await openMission(system);
    const mission = `${system.url('registration')}/api/missions/${missionId}`;
    const schema = system.schemaOf('registration');
    const count = (sql: string, parameters: unknown[] = []) => withDatabase(async (client) => (await client.query(sql, parameters)).rows[0].n as number);
    const post = (body: object, key: string) => call(`${mission}/registrations`, { body, headers: { 'Idempotency-Key': key } });
    const ahead = registrationInput(30);
    const refused = registrationInput(32, { email: 'refused@example.org' });
    const group = [registrationInput(31), refused, registrationInput(33), registrationInput(34), registrationInput(35)];
    // A rule only the database knows stands for any value Postgres refuses (SQLSTATE class 23) that the form let through.
    await withDatabase((client) =>
      client.query(`ALTER TABLE "${schema}".registrations ADD CONSTRAINT refuses_one_address CHECK (email <> 'refused@example.org')`),
    );
    try {
      let first!: Promise<ApiResponse>;
      let rest!: Promise<ApiResponse[]>;
      await withDatabase(async (holder) => {
        // The test takes the mission's turn, so that the first registration waits for it and the five that
        // arrive meanwhile queue behind that one and are decided together, as one group.
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM "${schema}".registration_settings WHERE mission_id = $1 FOR UPDATE`, [missionId]);
        first = post(ahead, `${missionId}-ahead`);
        await eventually(
          async () =>
            (await count(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [
              `mission-hub:${schema}`,
            ])) === 1,
          { what: 'the first registration to wait for the mission' },
        );
        rest = Promise.all(group.map((body, n) => post(body, `${missionId}-${n}`)));
        // The five wait in registration's queue for the mission while the first holds its group's turn.
        const registrations = system.app('registration').get(RegistrationsService);
        await eventually(() => registrations.waiting(missionId) === group.length, { what: 'all six to have arrived' });
        await holder.query('COMMIT');
      });
      const answers = [await first, ...(await rest)];

      // The service does not know the rule, so its refusal is an unexpected failure: a 500 problem, for that request only.
      const refusedAnswer = answers[2]!;
      expect(refusedAnswer.status).toBe(500);
      expect(refusedAnswer.headers.get('content-type')).toMatch(/problem\+json/);
      const accepted = answers.filter((answer) => answer !== refusedAnswer);
      expect(accepted.map((answer) => `${answer.status} ${answer.body.status}`)).toEqual(accepted.map(() => '201 confirmed'));
      const ids = accepted.map((answer) => answer.body.id as string);

      // Stored once each, counted once each, and nothing of the refused one.
      const list = await call(`${mission}/registrations?limit=100`, { token });
      expect(list.body.items.map((item: { id: string; email: string }) => `${item.id} ${item.email}`).sort()).toEqual(
        ids.map((id, n) => `${id} ${[ahead, ...group.filter((body) => body !== refused)][n]!.email}`).sort(),
      );
      expect((await call(`${mission}/registration-settings`, { token })).body.confirmed).toBe(5);
      // Announced once each: one event in the outbox per registration, and it reaches a subscriber.
      const announced = await withDatabase(async (client) => {
        const { rows } = await client.query(`SELECT type, payload->>'subject' AS subject FROM "${schema}".outbox WHERE payload->>'missionid' = $1`, [
          missionId,
        ]);
        return rows.map((row) => `${row.type} ${row.subject}`).sort();
      });
      expect(announced).toEqual(ids.map((id) => `registration.confirmed ${id}`).sort());
      await eventually(() => ids.every((id) => system.tap.ofType('registration.confirmed', (event) => event.subject === id).length === 1), {
        what: 'each confirmation on the exchange',
      });

      // Its failure held nothing back: once the database takes the address, the same request with the same key goes through.
      await withDatabase((client) => client.query(`ALTER TABLE "${schema}".registrations DROP CONSTRAINT refuses_one_address`));
      const again = await post(refused, `${missionId}-1`);
      expect(`${again.status} ${again.body.status}`).toBe('201 confirmed');
    } finally {
      await withDatabase((client) => client.query(`ALTER TABLE "${schema}".registrations DROP CONSTRAINT IF EXISTS refuses_one_address`));
    }
  });
});
