import { call, registrationForm, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { SseClient } from './support/sse.js';
import { useSystem } from './support/system.js';
import { useWeb } from './support/web.js';

const MISSION_SITE = 'https://smartcities-mission.example';

describe('the web entry forwards /api/… to the service that owns each call', () => {
  // No mou-registry in this run: its calls must answer 502.
  const system = useSystem({ services: ['scheduling', 'registration', 'dashboard'] });
  const web = useWeb(system, { allowedOrigins: [MISSION_SITE] });
  let missionId: string;
  let token: string;

  beforeAll(async () => {
    token = system.organiserToken();
    const created = await call(`${web.url}/api/missions`, {
      token,
      body: {
        code: `WEB-${Date.now().toString(36)}`,
        title: 'Smart cities mission to Chengdu and Liuzhou',
        startsOn: '2019-06-09',
        endsOn: '2019-06-15',
        timezone: 'Asia/Shanghai',
        cities: [{ name: 'Chengdu', country: 'CN', timezone: 'Asia/Shanghai' }],
        themes: ['smart city'],
      },
    });
    expect(created.status).toBe(201);
    missionId = created.body.id;
    await eventually(
      async () =>
        (await call(`${web.url}/api/missions/${missionId}/registration-settings`, { method: 'PUT', token, body: { capacity: 10, approval: 'automatic' } }))
          .status === 200,
      { what: 'registration to accept the settings (through the web entry)' },
    );
  });

  it('reaches scheduling and registration through one origin, with the caller’s credential', async () => {
    const mission = await call(`${web.url}/api/missions/${missionId}`, { token });
    expect(mission.status).toBe(200);
    expect(mission.body.id).toBe(missionId);
    const settings = await call(`${web.url}/api/missions/${missionId}/registration-settings`, { token });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ capacity: 10 });
    expect((await call(`${web.url}/api/missions/${missionId}/registration-settings`)).status).toBe(401);
  });

  it('answers what a registration form needs to anyone, and nothing of the seats', async () => {
    await call(`${web.url}/api/missions/${missionId}/registration-settings`, {
      method: 'PUT',
      token,
      body: { capacity: 10, approval: 'automatic', delegationQuotas: { Rome: 2, Barcelona: 3 } },
    });
    const form = await call(`${web.url}/api/missions/${missionId}/registration-form`);
    expect(form.status).toBe(200);
    expect(form.body).toEqual(
      registrationForm(missionId, {
        delegations: ['Barcelona', 'Rome'],
        delegationOptions: [
          { id: expect.any(String), name: 'Barcelona', parentId: null },
          { id: expect.any(String), name: 'Rome', parentId: null },
        ],
      }),
    );
    expect((await call(`${web.url}/api/missions/0f8fad5b-d9cb-469f-a165-70867728950e/registration-form`)).status).toBe(404);
  });

  it('streams the dashboard’s events through as they happen, and ends the upstream stream when the client goes', async () => {
    const dashboard = system.app('dashboard').getHttpServer() as import('node:http').Server;
    const connections = () => new Promise<number>((resolve, reject) => dashboard.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    const before = await connections();
    const stream = await new SseClient(`${web.url}/api/missions/${missionId}/stream`, { authorization: `Bearer ${token}` }).open();
    expect(stream.status).toBe(200);
    await eventually(async () => (await connections()) > before, { what: 'the stream to reach the dashboard' });

    const registered = await call(`${web.url}/api/missions/${missionId}/registrations`, { body: registrationInput(1) });
    expect(registered.status).toBe(201);
    await stream.waitFor((event) => event.type === 'registration.confirmed' && event.data.subject === registered.body.id, 'the confirmation, streamed through');

    await stream.close();
    await eventually(async () => (await connections()) === before, { what: 'the dashboard’s stream to end with the client’s', timeoutMs: 5_000 });
  });

  it('turns a session cookie into a bearer token for same-origin calls only', async () => {
    const url = `${web.url}/api/missions/${missionId}/registration-settings`;
    const cookie = `mh_organiser=${token}`;
    expect((await call(url, { headers: { cookie, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await call(url, { headers: { cookie, origin: web.url } })).status).toBe(200);
    expect((await call(url, { headers: { cookie, 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' } })).status).toBe(401);
    expect((await call(url, { headers: { cookie, 'sec-fetch-site': 'cross-site', origin: MISSION_SITE } })).status).toBe(401);
    expect((await call(url, { headers: { cookie } })).status).toBe(401);
  });

  it('answers CORS for the allowed origins only, and lets no other origin post', async () => {
    const url = `${web.url}/api/missions/${missionId}/registrations`;
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight(MISSION_SITE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(MISSION_SITE);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const refused = await preflight('https://elsewhere.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const fromMissionSite = await call(url, { body: registrationInput(2), headers: { origin: MISSION_SITE } });
    expect(fromMissionSite.status).toBe(201);
    expect(fromMissionSite.headers.get('access-control-allow-origin')).toBe(MISSION_SITE);
    const fromElsewhere = await call(url, { body: registrationInput(3), headers: { origin: 'https://elsewhere.example' } });
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();

    const list = await call(`${web.url}/api/missions/${missionId}/registrations`, { token });
    expect(list.body.items.map((item: { email: string }) => item.email)).not.toContain(registrationInput(3).email);
  });

  it('answers 502 as a problem when the owning service is down', async () => {
    const answer = await call(`${web.url}/api/mous`, { token });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 502, type: expect.stringMatching(/service-unavailable$/) });
  });
});
