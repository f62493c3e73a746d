// `npm run demo`: the EU Smart Cities mission to Chengdu and Liuzhou, created through the public
// HTTP APIs only. Each step first reads what exists (the mission by its code, the rest by title,
// name or e-mail) and keys every create call with an Idempotency-Key derived from a stable name, so
// that running it again creates nothing twice.
import * as story from './chengdu-liuzhou.js';
import { Tally } from './demo-context.js';
import { linkMeetingsToMous, matchmaking } from './matchmaking.js';
import { MissionHubClient, type ServiceName } from './mission-hub-client.js';
import { createMous } from './mous.js';
import { createActionPlan } from './action-plans.js';
import { createSessions, createVenues, enrol, release, transferTime } from './programme.js';
import { categories, createDelegations, nameHeads, register, registrationSettings } from './registration.js';

export interface DemoOptions {
  urls: Record<ServiceName, string>;
  /** An organiser of every mission (`missions: ["*"]`): only they may create a mission. */
  organiserToken: string;
  keySecret: string;
  log?: (line: string) => void;
}

export interface DemoResult {
  missionId: string;
  /** What this run created, by kind. */
  created: Record<string, number>;
  /** What was there already, by kind. */
  found: Record<string, number>;
  /** What could not be done, and why (a participant whose access token this run does not have, say). */
  skipped: string[];
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const client = new MissionHubClient(options.urls, options.organiserToken, options.keySecret, log);
  const tally = new Tally(log);

  log('Mission');
  const missionId = await mission(client, tally);
  const base = `/api/missions/${missionId}`;

  log('Registration');
  await registrationSettings(client, tally, missionId);
  const delegationIds = await createDelegations(client, tally, missionId);
  await categories(client, tally, missionId);
  const participants = await register(client, tally, missionId, delegationIds);
  await nameHeads(client, tally, delegationIds, participants);
  log('  … waiting for scheduling to learn of every participant');
  await Promise.all(
    [...participants.values()].map((participant) =>
      client.until(`scheduling to know ${participant.person.email}`, async () =>
        (await client.call('scheduling', `${base}/participants/${participant.id}/agenda`)).status === 200 ? true : undefined,
      ),
    ),
  );

  log('Programme');
  const venues = await createVenues(client, tally, base);
  await transferTime(client, tally, base);
  const sessions = await createSessions(client, tally, base, venues);
  await release(client, tally, base);
  await enrol(client, tally, base, sessions, participants);

  log('Matchmaking');
  await matchmaking(client, tally, base, sessions, participants, log);

  log('MoUs');
  await createMous(client, tally, missionId, participants);
  await linkMeetingsToMous(client, tally, missionId, participants);

  log('Action plan');
  await createActionPlan(client, tally, missionId, participants);

  return { missionId, created: tally.created, found: tally.found, skipped: tally.skipped };
}

async function mission(client: MissionHubClient, tally: Tally): Promise<string> {
  const existing = (await client.listAll<{ id: string; code: string }>('scheduling', '/api/missions', 'the missions list')).find(
    (one) => one.code === story.mission.code,
  );
  if (existing) {
    tally.add('mission', `${story.mission.code} ${story.mission.title}`, false);
    return existing.id;
  }
  const created = await client.expect([201], 'the mission', 'scheduling', '/api/missions', {
    body: story.mission,
    idempotent: `mission:${story.mission.code}`,
  });
  tally.add('mission', `${story.mission.code} ${story.mission.title}`, true);
  return created.body.id;
}
