// `npm run demo`: the EU Smart Cities mission to Chengdu and Liuzhou, created through the public
// HTTP APIs only. Each step first reads what exists (the mission by its code, the rest by title,
// name or e-mail) and keys every create call with an Idempotency-Key derived from a stable name, so
// that running it again creates nothing twice.
import * as story from './chengdu-liuzhou.js';
import { ApiError, MissionHubClient, type ServiceName } from './mission-hub-client.js';

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

interface Participant {
  id: string;
  /** Only when this run registered them, or replayed their registration within the key's 24 hours. */
  token: string | null;
  person: story.Person;
}

/** Counts what was created and what was found, and says so line by line. */
class Tally {
  readonly created: Record<string, number> = {};
  readonly found: Record<string, number> = {};
  readonly skipped: string[] = [];

  constructor(private readonly log: (line: string) => void) {}

  add(kind: string, name: string, created: boolean, count = 1): void {
    const counts = created ? this.created : this.found;
    counts[kind] = (counts[kind] ?? 0) + count;
    this.log(`  ${created ? '+' : '='} ${kind}: ${name}${created ? '' : ' (already there)'}`);
  }

  skip(what: string): void {
    this.skipped.push(what);
    this.log(`  ! ${what}`);
  }
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const client = new MissionHubClient(options.urls, options.organiserToken, options.keySecret);
  const tally = new Tally(log);

  log('Mission');
  const missionId = await mission(client, tally);
  const base = `/api/missions/${missionId}`;

  log('Registration');
  await registrationSettings(client, tally, missionId);
  const participants = await register(client, tally, missionId);
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

async function registrationSettings(client: MissionHubClient, tally: Tally, missionId: string): Promise<void> {
  const path = `/api/missions/${missionId}/registration-settings`;
  const current = await client.call('registration', path);
  const wanted = story.registrationSettings;
  const same =
    current.status === 200 &&
    current.body.capacity === wanted.capacity &&
    current.body.approval === wanted.approval &&
    JSON.stringify(Object.entries(current.body.delegationQuotas ?? {}).sort()) === JSON.stringify(Object.entries(wanted.delegationQuotas).sort());
  if (same) {
    tally.add('registration settings', describeQuotas(), false);
    return;
  }
  // Registration learns of the mission by event: 404 until mission.created has reached it.
  await client.until('registration to learn of the mission', async () => {
    const put = await client.call('registration', path, { method: 'PUT', body: wanted });
    if (put.status === 404) return undefined;
    if (put.status !== 200) throw new ApiError('the registration settings', put);
    return true;
  });
  tally.add('registration settings', describeQuotas(), true);
}

function describeQuotas(): string {
  const quotas = Object.entries(story.registrationSettings.delegationQuotas).map(([delegation, quota]) => `${delegation} ${quota}`);
  return `${story.registrationSettings.capacity} places; quotas ${quotas.join(', ')}`;
}

async function register(client: MissionHubClient, tally: Tally, missionId: string): Promise<Map<string, Participant>> {
  const path = `/api/missions/${missionId}/registrations`;
  const registered = new Map(
    (await client.listAll<{ id: string; email: string }>('registration', path, 'the registrations')).map((one) => [one.email.toLowerCase(), one.id]),
  );
  const participants = new Map<string, Participant>();
  for (const person of story.people) {
    const { key: _key, ...form } = person;
    // Through the public form, as the person would; the key replays the answer (access token included) for 24 hours.
    const answer = await client.call('registration', path, {
      token: null,
      body: { ...form, consent: { dataProcessing: true } },
      idempotent: `registration:${story.mission.code}:${person.email}`,
    });
    const name = `${nameOf(person)} (${person.delegation}, ${person.organisation.name})`;
    if (answer.status === 201) {
      participants.set(person.key, { id: answer.body.id, token: answer.body.accessToken, person });
      tally.add('registration', name, !registered.has(person.email));
    } else if (answer.status === 409 && registered.has(person.email)) {
      participants.set(person.key, { id: registered.get(person.email)!, token: null, person });
      tally.add('registration', name, false);
    } else {
      throw new ApiError(`the registration of ${person.email}`, answer);
    }
  }
  return participants;
}

async function createVenues(client: MissionHubClient, tally: Tally, base: string): Promise<Map<string, string>> {
  const existing = new Map(
    ((await client.expect([200], 'the venues', 'scheduling', `${base}/venues`)).body.items as { id: string; name: string }[]).map((venue) => [
      venue.name,
      venue.id,
    ]),
  );
  const ids = new Map<string, string>();
  for (const { key, ...venue } of story.venues) {
    let id = existing.get(venue.name);
    if (!id)
      id = (await client.expect([201], `the venue ${venue.name}`, 'scheduling', `${base}/venues`, { body: venue, idempotent: `venue:${venue.name}` })).body.id;
    tally.add('venue', `${venue.name}, ${venue.city}`, !existing.has(venue.name));
    ids.set(key, id!);
  }
  return ids;
}

async function transferTime(client: MissionHubClient, tally: Tally, base: string): Promise<void> {
  const wanted = story.transferTime;
  const known = (await client.expect([200], 'the transfer times', 'scheduling', `${base}/transfer-times`)).body.items as {
    between: string[];
    minutes: number;
  }[];
  const same = known.some((one) => [...one.between].sort().join() === [...wanted.between].sort().join() && one.minutes === wanted.minutes);
  if (!same) await client.expect([200], 'the transfer time', 'scheduling', `${base}/transfer-times`, { method: 'PUT', body: wanted });
  tally.add('transfer time', `${wanted.between.join(' ↔ ')}: ${wanted.minutes} min`, !same);
}

async function createSessions(client: MissionHubClient, tally: Tally, base: string, venues: Map<string, string>): Promise<Map<string, string>> {
  const existing = new Map(
    (await client.listAll<{ id: string; title: string; status: string }>('scheduling', `${base}/sessions`, 'the sessions'))
      .filter((session) => session.status !== 'cancelled')
      .map((session) => [session.title, session.id]),
  );
  const ids = new Map<string, string>();
  for (const session of story.sessions) {
    const title = session.body.title as string;
    let id = existing.get(title);
    if (!id) {
      const body = { ...session.body, ...(session.venue ? { venueId: venues.get(session.venue) } : {}) };
      id = (await client.expect([201], `the session ${title}`, 'scheduling', `${base}/sessions`, { body, idempotent: `session:${title}` })).body.id;
    }
    tally.add('session', `${(session.body.startsAt as string).slice(0, 16).replace('T', ' ')} ${title}`, !existing.has(title));
    ids.set(session.key, id!);
  }
  return ids;
}

async function release(client: MissionHubClient, tally: Tally, base: string): Promise<void> {
  const drafts = (await client.listAll<{ released: boolean }>('scheduling', `${base}/sessions`, 'the sessions')).filter((session) => !session.released);
  const releases = (await client.expect([200], 'the releases', 'scheduling', `${base}/schedule/releases`)).body.items as { number: number }[];
  if (drafts.length === 0 && releases.length > 0) {
    tally.add('release', `release ${Math.max(...releases.map((one) => one.number))} of the programme`, false);
    return;
  }
  const published = await client.expect([201], 'the release', 'scheduling', `${base}/schedule/releases`, { method: 'POST' });
  tally.add('release', `release ${published.body.number} of the programme (${published.body.changes.length} changes)`, true);
}

async function enrol(
  client: MissionHubClient,
  tally: Tally,
  base: string,
  sessions: Map<string, string>,
  participants: Map<string, Participant>,
): Promise<void> {
  const wanted = story.sessions.filter((session) => session.enrol.length > 0);
  const missing = await Promise.all(
    wanted.map(async (session) => {
      const path = `${base}/sessions/${sessions.get(session.key)!}/enrolments`;
      const enrolled = new Set(
        (await client.listAll<{ registrationId: string; status: string }>('scheduling', path, 'the enrolments'))
          .filter((enrolment) => enrolment.status !== 'cancelled')
          .map((enrolment) => enrolment.registrationId),
      );
      return session.enrol.map((key) => participants.get(key)!).filter((participant) => !enrolled.has(participant.id));
    }),
  );
  // The organiser enrols each one; a few at a time, in no particular order: each enrolment takes its
  // participant's lock, then its session's, so they wait for each other but never deadlock.
  const enrolments = wanted.flatMap((session, index) => missing[index]!.map((participant) => ({ session, participant })));
  await inTurns(enrolments, 6, ({ session, participant }) =>
    client.expect(
      [201],
      `the enrolment of ${participant.person.email} in ${session.body.title}`,
      'scheduling',
      `${base}/sessions/${sessions.get(session.key)!}/enrolments`,
      {
        body: { registrationId: participant.id },
        idempotent: `enrolment:${session.key}:${participant.person.email}`,
      },
    ),
  );
  for (const [index, session] of wanted.entries()) {
    const added = missing[index]!.length;
    const name = `${session.body.title}: ${session.enrol.length} participants`;
    if (added > 0) tally.add('enrolment', added < session.enrol.length ? `${name}, ${added} of them now` : name, true, added);
    if (added < session.enrol.length) tally.add('enrolment', name, false, session.enrol.length - added);
  }
}

/** `work` on every item, at most `width` at once. */
async function inTurns<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

async function matchmaking(
  client: MissionHubClient,
  tally: Tally,
  base: string,
  sessions: Map<string, string>,
  participants: Map<string, Participant>,
  log: (line: string) => void,
): Promise<void> {
  const blockId = sessions.get(story.meetingBlock.session)!;
  const { session: _session, ...cut } = story.meetingBlock;
  const block = await client.call('scheduling', `${base}/sessions/${blockId}/meeting-block`);
  const sameBlock = block.status === 200 && block.body.slotMinutes === cut.slotMinutes && block.body.tables === cut.tables;
  if (!sameBlock) await client.expect([200], 'the meeting block', 'scheduling', `${base}/sessions/${blockId}/meeting-block`, { method: 'PUT', body: cut });
  tally.add('meeting block', `${cut.slotMinutes}-minute slots at ${cut.tables} tables`, !sameBlock);

  for (const [key, profile] of Object.entries(story.profiles)) {
    const participant = participants.get(key)!;
    const path = `${base}/matchmaking/profiles/${participant.id}`;
    const name = `${nameOf(participant.person)}: ${profile.offers}`;
    if ((await client.call('scheduling', path)).status === 200) {
      tally.add('matchmaking profile', name, false);
    } else if (!participant.token) {
      tally.skip(`no matchmaking profile for ${participant.person.email}: only they may publish it, and this run has not their access token`);
    } else {
      await client.expect([200], `the profile of ${participant.person.email}`, 'scheduling', path, { method: 'PUT', token: participant.token, body: profile });
      tally.add('matchmaking profile', name, true);
    }
  }

  for (const wish of story.unavailability) {
    const participant = participants.get(wish.person)!;
    const path = `${base}/participants/${participant.id}/unavailability`;
    const known = (await client.expect([200], 'the unavailability', 'scheduling', path)).body.items as { startsAt: string }[];
    const there = known.some((one) => Date.parse(one.startsAt) === Date.parse(wish.startsAt));
    if (!there) {
      const { person: _person, ...body } = wish;
      await client.expect([201], 'the unavailability', 'scheduling', path, { body, idempotent: `unavailability:${participant.person.email}:${wish.startsAt}` });
    }
    tally.add('unavailability', `${nameOf(participant.person)}: ${wish.note}`, !there);
  }

  let all = await client.listAll<Meeting>('scheduling', `${base}/meetings`, 'the meetings');
  for (const wish of story.meetings) {
    const requester = participants.get(wish.requester)!;
    const invitee = participants.get(wish.invitee)!;
    const name = `${nameOf(requester.person)} → ${nameOf(invitee.person)}`;
    let meeting = all.find(
      (one) =>
        ['requested', 'accepted'].includes(one.status) &&
        ((one.requesterId === requester.id && one.inviteeId === invitee.id) || (one.requesterId === invitee.id && one.inviteeId === requester.id)),
    );
    if (meeting) {
      tally.add('meeting request', name, false);
    } else if (!wish.proposedByOrganiser && !requester.token) {
      tally.skip(`no meeting ${name}: only ${requester.person.email} may ask for it, and this run has not their access token`);
      continue;
    } else {
      const body = {
        inviteeId: invitee.id,
        priority: wish.priority,
        message: wish.message,
        ...(wish.proposedByOrganiser ? { requesterId: requester.id } : {}),
      };
      meeting = (
        await client.expect([201], `the meeting ${name}`, 'scheduling', `${base}/meetings`, {
          body,
          token: wish.proposedByOrganiser ? undefined : requester.token,
          idempotent: `meeting:${requester.person.email}:${invitee.person.email}`,
        })
      ).body as Meeting;
      tally.add('meeting request', `${name}${wish.proposedByOrganiser ? ' (proposed by the organisers)' : ''}`, true);
    }
    if (meeting.status === 'requested') {
      if (!invitee.token) {
        tally.skip(`meeting ${name} not accepted: only ${invitee.person.email} may accept it, and this run has not their access token`);
        continue;
      }
      await client.expect([200], `the acceptance of ${name}`, 'scheduling', `${base}/meetings/${meeting.id}/accept`, { method: 'POST', token: invitee.token });
      tally.add('meeting accepted', name, true);
    }
  }

  all = await client.listAll<Meeting>('scheduling', `${base}/meetings`, 'the meetings');
  const unplaced = all.filter((meeting) => meeting.status === 'accepted' && !meeting.slot);
  if (unplaced.length === 0) {
    tally.add('matchmaking run', `${all.filter((meeting) => meeting.slot).length} meetings placed`, false);
  } else {
    const run = await client.until('a matchmaking run to start', async () => {
      const started = await client.call('scheduling', `${base}/matchmaking/runs`, { body: { limitPerParticipant: 8 } });
      if (started.status === 202) return started.body as { id: string };
      // Another run of the mission is under way: ours starts after it.
      if (started.status === 409) return undefined;
      throw new ApiError('the matchmaking run', started);
    });
    log(`  … matchmaking run ${run.id} placing ${unplaced.length} accepted meetings`);
    const finished = await client.until(
      'the matchmaking run to finish',
      async () => {
        const state = await client.expect([200], 'the matchmaking run', 'scheduling', `${base}/matchmaking/runs/${run.id}`);
        return ['succeeded', 'failed'].includes(state.body.status) ? state.body : undefined;
      },
      120_000,
    );
    if (finished.status !== 'succeeded') throw new Error(`the matchmaking run failed: ${JSON.stringify(finished.error)}`);
    const result = finished.result;
    tally.add(
      'matchmaking run',
      `${result.scheduled} scheduled, ${result.unscheduled.length} left unscheduled, ${result.timetablesPublished} timetables published`,
      true,
    );
  }

  // The mission is over: the organisers record the meetings as held.
  all = await client.listAll<Meeting>('scheduling', `${base}/meetings`, 'the meetings');
  for (const meeting of all.filter((one) => one.slot)) {
    const name = `${nameOfId(participants, meeting.requesterId)} and ${nameOfId(participants, meeting.inviteeId)}, ${venueTime(meeting.slot!.startsAt)} at table ${meeting.slot!.table}`;
    if (!meeting.outcome) {
      await client.expect([200], 'the meeting outcome', 'scheduling', `${base}/meetings/${meeting.id}/outcome`, { body: { outcome: 'held' } });
    }
    tally.add('meeting held', name, !meeting.outcome);
  }
}

interface Meeting {
  id: string;
  requesterId: string;
  inviteeId: string;
  status: string;
  slot: { startsAt: string; endsAt: string; table: string } | null;
  outcome: string | null;
}

const lifecycle = ['draft', 'negotiating', 'signed', 'in_force'] as const;

async function createMous(client: MissionHubClient, tally: Tally, missionId: string, participants: Map<string, Participant>): Promise<void> {
  const existing = new Map(
    (await client.listAll<{ id: string; title: string }>('mou-registry', `/api/mous?mission=${missionId}`, 'the MoUs')).map((mou) => [mou.title, mou.id]),
  );
  for (const mou of story.mous) {
    let id = existing.get(mou.title);
    if (!id) {
      const body = {
        missionId,
        title: mou.title,
        summary: mou.summary,
        themes: mou.themes,
        parties: mou.parties,
        signatories: mou.signatories,
        ...(mou.entryIntoForceOn ? { entryIntoForceOn: mou.entryIntoForceOn } : {}),
        ...(mou.expiresOn ? { expiresOn: mou.expiresOn } : {}),
        // On the record from the start, so that the reference takes the signing year (MOU-2019-…).
        ...(mou.status === 'in_force' ? story.signing : {}),
        visibility: 'public',
      };
      id = (await client.expect([201], `the MoU ${mou.title}`, 'mou-registry', '/api/mous', { body, idempotent: `mou:${mou.title}` })).body.id;
    }
    const path = `/api/mous/${id}`;
    let current = (await client.expect([200], `the MoU ${mou.title}`, 'mou-registry', path)).body;
    tally.add('MoU', `${current.reference} ${mou.title}`, !existing.has(mou.title));

    if (current.versions.length === 0) {
      await client.expect([201], 'the MoU text', 'mou-registry', `${path}/versions?language=en`, {
        document: { text: mou.text, mediaType: 'text/plain' },
        idempotent: `mou-version:${mou.title}`,
      });
    }
    tally.add('MoU version', `${current.reference} version 1 (en)`, current.versions.length === 0);

    // Only forward along the way to its status: an MoU moved on since (completed, terminated, expired) is left as it is.
    const target = lifecycle.indexOf(mou.status);
    const from = lifecycle.indexOf(current.status);
    for (let step = from + 1; from >= 0 && step <= target; step++) {
      const status = lifecycle[step]!;
      const body = status === 'signed' && !current.signedOn ? { status, ...story.signing } : { status };
      current = (await client.expect([200], `the MoU's status ${status}`, 'mou-registry', `${path}/status`, { body })).body;
    }
    tally.add(
      'MoU status',
      `${current.reference} ${current.status}${current.signedOn ? `, signed in ${current.signedPlace} on ${current.signedOn}` : ''}`,
      from >= 0 && from < target,
    );

    const projects = new Map(
      ((await client.expect([200], 'the pilot projects', 'mou-registry', `${path}/pilot-projects`)).body as { id: string; title: string }[]).map((project) => [
        project.title,
        project.id,
      ]),
    );
    for (const project of mou.pilotProjects) {
      const there = projects.has(project.title);
      if (!there) {
        const created = await client.expect([201], `the pilot project ${project.title}`, 'mou-registry', `${path}/pilot-projects`, {
          body: project,
          idempotent: `pilot-project:${mou.title}:${project.title}`,
        });
        projects.set(project.title, created.body.id);
      }
      tally.add('pilot project', `${project.title} (${project.leadParty}, ${project.status})`, !there);
    }

    const milestones = (await client.expect([200], 'the milestones', 'mou-registry', `${path}/milestones`)).body as {
      id: string;
      title: string;
      completedAt: string | null;
    }[];
    for (const milestone of mou.milestones) {
      let found = milestones.find((one) => one.title === milestone.title);
      const there = found !== undefined;
      if (!found) {
        const owner = participants.get(milestone.owner)!.person;
        const body = {
          title: milestone.title,
          dueOn: milestone.dueOn,
          owner: { name: nameOf(owner), email: owner.email, preferredLanguage: owner.preferredLanguage },
          ...(milestone.pilotProject ? { pilotProjectId: projects.get(milestone.pilotProject) } : {}),
        };
        found = (
          await client.expect([201], `the milestone ${milestone.title}`, 'mou-registry', `${path}/milestones`, {
            body,
            idempotent: `milestone:${mou.title}:${milestone.title}`,
          })
        ).body as { id: string; title: string; completedAt: string | null };
      }
      if (milestone.completed && !found.completedAt) {
        await client.expect([200], `the completion of ${milestone.title}`, 'mou-registry', `${path}/milestones/${found.id}/complete`, { method: 'POST' });
      }
      tally.add('milestone', `${milestone.title}, due ${milestone.dueOn}${milestone.completed ? ', completed' : ''}`, !there);
    }
  }
}

function nameOf(person: story.Person): string {
  // Chinese names are written family name first, without a space.
  return person.preferredLanguage.startsWith('zh') ? `${person.familyName}${person.givenName}` : `${person.givenName} ${person.familyName}`;
}

function nameOfId(participants: Map<string, Participant>, id: string): string {
  const participant = [...participants.values()].find((one) => one.id === id);
  return participant ? nameOf(participant.person) : id;
}

/** An instant as the mission's venues read it (all in China's zone). */
function venueTime(instant: string): string {
  return new Date(instant).toLocaleString('en-GB', { timeZone: story.mission.timezone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
