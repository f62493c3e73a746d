import { call, openMission, registrationInput } from './api.js';
import { eventually } from './eventually.js';
import type { TestSystem } from './system.js';

/** Two venues (Chengdu, Liuzhou) and the four-hour transfer between the two cities. */
export async function placesOf(system: TestSystem, token: string, missionId: string): Promise<{ chengdu: string; liuzhou: string }> {
  const url = `${system.url('scheduling')}/api/missions/${missionId}`;
  const chengdu = await call(`${url}/venues`, {
    token,
    body: { name: 'Tianfu Software Park', address: '1366 Tianfu Avenue', city: 'Chengdu', coordinates: { latitude: 30.54, longitude: 104.07 } },
  });
  const liuzhou = await call(`${url}/venues`, { token, body: { name: 'Liuzhou Convention Centre', address: '2 Guantang Avenue', city: 'Liuzhou' } });
  const transfer = await call(`${url}/transfer-times`, { method: 'PUT', token, body: { between: ['Chengdu', 'Liuzhou'], minutes: 240 } });
  if (chengdu.status !== 201 || liuzhou.status !== 201 || transfer.status !== 200) {
    throw new Error(`places not created: ${JSON.stringify([chengdu.body, liuzhou.body, transfer.body])}`);
  }
  return { chengdu: chengdu.body.id, liuzhou: liuzhou.body.id };
}

export function sessionInput(venueId: string, startsAt: string, endsAt: string, overrides: Record<string, unknown> = {}) {
  return { kind: 'site_visit', title: `Visit at ${startsAt}`, startsAt, endsAt, venueId, languages: ['en', 'zh'], ...overrides };
}

export async function createSession(system: TestSystem, token: string, missionId: string, body: Record<string, unknown>): Promise<string> {
  const created = await call(`${system.url('scheduling')}/api/missions/${missionId}/sessions`, { token, body });
  if (created.status !== 201) throw new Error(`session not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

export async function release(system: TestSystem, token: string, missionId: string) {
  const released = await call(`${system.url('scheduling')}/api/missions/${missionId}/schedule/releases`, { method: 'POST', token });
  if (released.status !== 201) throw new Error(`not released: ${released.status} ${JSON.stringify(released.body)}`);
  return released.body;
}

/** A confirmed participant, once scheduling has heard of them: their own token opens their agenda there. */
export async function participant(system: TestSystem, missionId: string, n: number, overrides: Record<string, unknown> = {}) {
  const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(n, overrides) });
  if (registered.status !== 201) throw new Error(`not registered: ${registered.status} ${JSON.stringify(registered.body)}`);
  const { id, accessToken } = registered.body as { id: string; accessToken: string };
  await eventually(
    async () => (await call(`${system.url('scheduling')}/api/missions/${missionId}/participants/${id}/agenda`, { token: accessToken })).status === 200,
    { what: `scheduling to know participant ${n}` },
  );
  return { id, token: accessToken };
}

/** Starts a scheduling run of the mission's meetings and waits for it to succeed or fail; answers the run. */
export async function runToTheEnd(system: TestSystem, token: string, missionId: string, body: Record<string, unknown> = {}) {
  const runs = `${system.url('scheduling')}/api/missions/${missionId}/matchmaking/runs`;
  const started = await call(runs, { token, body });
  if (started.status !== 202 || started.body.status !== 'queued') throw new Error(`run not started: ${started.status} ${JSON.stringify(started.body)}`);
  return eventually(
    async () => {
      const run = await call(`${runs}/${started.body.id}`, { token });
      return run.body.status === 'succeeded' || run.body.status === 'failed' ? run.body : undefined;
    },
    { what: 'the run to finish' },
  );
}

/** A mission with one released B2B block in Chengdu from 01:00Z on 10 June 2019 until `endsAt`, cut into 30-minute slots at two tables. */
export async function meetingBlockMission(system: TestSystem, endsAt = '2019-06-10T03:00:00Z') {
  const { missionId, token } = await openMission(system);
  const { chengdu } = await placesOf(system, token, missionId);
  const blockId = await createSession(
    system,
    token,
    missionId,
    sessionInput(chengdu, '2019-06-10T01:00:00Z', endsAt, { kind: 'b2b_meeting_block', title: 'B2B meetings' }),
  );
  await release(system, token, missionId);
  const block = await call(`${system.url('scheduling')}/api/missions/${missionId}/sessions/${blockId}/meeting-block`, {
    method: 'PUT',
    token,
    body: { slotMinutes: 30, tables: 2 },
  });
  if (block.status !== 200) throw new Error(`meeting block not set: ${block.status} ${JSON.stringify(block.body)}`);
  return { missionId, token, blockId };
}
