import { JwtService } from '@nestjs/jwt';
import { connect } from 'node:net';
import { call, openMission, registrationInput, missionInput } from './support/api.js';
import { mouInput } from './support/mou.js';
import { JWT_SECRET, useSystem } from './support/system.js';

/** What one raw HTTP exchange brought back, and how much of the body had been sent when the answer came. */
async function uploadWithoutReading(url: string, headers: Record<string, string>, declaredBytes: number): Promise<{ status: number; sentBytes: number }> {
  const { hostname, port, pathname, search } = new URL(url);
  const socket = connect(Number(port), hostname);
  const head = [
    `POST ${pathname}${search} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    `Content-Length: ${declaredBytes}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ];
  const chunk = Buffer.alloc(64 * 1024, 0x25);
  let sentBytes = 0;
  return new Promise((resolve, reject) => {
    let answer = '';
    socket.on('error', (error) => (answer ? undefined : reject(error)));
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status) {
        socket.destroy();
        resolve({ status: Number(status[1]), sentBytes });
      }
    });
    socket.on('connect', () => {
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      // A slow sender: one chunk, then the next only once the server has not answered for a while.
      const pump = () => {
        if (socket.destroyed || sentBytes >= declaredBytes) return;
        sentBytes += chunk.length;
        socket.write(chunk, () => setTimeout(pump, 20));
      };
      pump();
    });
  });
}

describe('the public surface under abuse', () => {
  const system = useSystem({
    services: ['scheduling', 'registration', 'dashboard', 'mou-registry'],
    rateLimits: 'registration-per-client=3/60,meeting-request-per-participant=2/3600',
  });

  it('answers 429 with Retry-After and the RateLimit fields past the form’s limit per client, storing nothing more', async () => {
    const { missionId, token } = await openMission(system, { capacity: 50 });
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const answers = [];
    for (let n = 1; n <= 5; n++) answers.push(await call(url, { body: registrationInput(n) }));
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 429, 429]);
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('"registration-per-client";q=3;w=60');
    expect(answers[2]!.headers.get('ratelimit')).toMatch(/^"registration-per-client";r=0;t=\d+$/);
    const refused = answers[3]!;
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(refused.body).toMatchObject({ status: 429, type: expect.stringMatching(/rate-limited$/) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const listed = await call(`${url}?limit=50`, { token });
    expect(listed.body.items).toHaveLength(3);
  });

  it('caps the streams one organiser holds open', async () => {
    const { missionId, token } = await openMission(system);
    const url = `${system.url('dashboard')}/api/missions/${missionId}/stream`;
    const controllers: AbortController[] = [];
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const controller = new AbortController();
        controllers.push(controller);
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
        statuses.push(response.status);
        if (response.status !== 200) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
          await response.body?.cancel();
        }
      }
      expect(statuses).toEqual([...Array(10).fill(200), 429]);
    } finally {
      for (const controller of controllers) controller.abort();
    }
  });

  it('refuses an upload from a stranger, or one declared too large, before its body is read', async () => {
    const { token } = await openMission(system);
    const base = system.url('mou-registry');
    const created = await call(`${base}/api/mous`, { token, body: mouInput() });
    expect(created.status).toBe(201);
    const url = `${base}/api/mous/${created.body.id}/versions?language=en`;
    const twentyMegabytes = 20 * 1024 * 1024;
    const stranger = await uploadWithoutReading(url, { 'Content-Type': 'application/pdf' }, twentyMegabytes);
    expect(stranger.status).toBe(401);
    expect(stranger.sentBytes).toBeLessThan(twentyMegabytes / 4);
    const forged = await uploadWithoutReading(url, { 'Content-Type': 'application/pdf', Authorization: 'Bearer not.a.token' }, twentyMegabytes);
    expect(forged.status).toBe(401);
    expect(forged.sentBytes).toBeLessThan(twentyMegabytes / 4);
    const oversized = await uploadWithoutReading(url, { 'Content-Type': 'application/pdf', Authorization: `Bearer ${token}` }, 64 * 1024 * 1024);
    expect(oversized.status).toBe(413);
    expect(oversized.sentBytes).toBeLessThan(twentyMegabytes / 4);
  });

  it('refuses a token without exp, one living too long and one naming a mission that is not an id, saying why', async () => {
    const jwt = new JwtService({ secret: JWT_SECRET });
    const noExpiry = jwt.sign({ sub: 'ana', role: 'organiser', missions: ['*'] }, { algorithm: 'HS256' });
    const tooLong = jwt.sign({ sub: 'ana', role: 'organiser', missions: ['*'] }, { algorithm: 'HS256', expiresIn: 90 * 24 * 3600 });
    const notAnId = jwt.sign({ sub: 'ana', role: 'organiser', missions: ["x' or 1=1"] }, { algorithm: 'HS256', expiresIn: 3600 });
    const create = (token: string) => call(`${system.url('scheduling')}/api/missions`, { token, body: missionInput() });
    const [a, b] = [await create(noExpiry), await create(tooLong)];
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body.detail).toMatch(/exp/);
    expect(b.body.detail).toMatch(/longer than/);
    // The MoU register takes the token's missions into its query: it answered 500 to this.
    const register = await call(`${system.url('mou-registry')}/api/mous`, { token: notAnId });
    expect(register.status).toBe(401);
    expect(register.body.detail).toMatch(/missions/);
  });

  it('answers one mission creation and 409 to the others when several with one code arrive at once', async () => {
    const token = system.organiserToken();
    const input = missionInput();
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(`${system.url('scheduling')}/api/missions`, { token, body: input })));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.type).toMatch(/mission-code-taken$/);
  });
});
