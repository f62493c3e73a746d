import { call, openMission, registrationInput } from './support/api.js';
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

  it('answers 404 for an unknown mission and a malformed id, never 500', async () => {
    const unknown = await call(`${system.url('registration')}/api/missions/00000000-0000-4000-8000-000000000000/registrations`, { body: valid });
    expect(unknown.status).toBe(404);
    const malformed = await call(`${system.url('registration')}/api/missions/not-a-uuid/registrations`, { body: valid });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
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
    const read = await call(`${system.url('registration')}/api/registrations/${response.body.id}`, { token });
    expect(read.body.familyName ?? read.body.participant?.familyName).toBe(hostile.familyName);
    expect(await stored()).toBeGreaterThan(0);
  });
});
