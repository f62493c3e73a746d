// The programme: venues and their rooms, the transfer time, sessions (the forum holding its panels), a release, and the organisers' enrolments.
import * as story from './chengdu-liuzhou.js';
import type { Participant, Tally } from './demo-context.js';
import type { MissionHubClient } from './mission-hub-client.js';

export interface Places {
  venues: Map<string, string>;
  /** Room ids by `<venue key>:<room name>`. */
  rooms: Map<string, string>;
}

export async function createVenues(client: MissionHubClient, tally: Tally, base: string): Promise<Places> {
  const listed = (await client.expect([200], 'the venues', 'scheduling', `${base}/venues`)).body.items as {
    id: string;
    name: string;
    rooms: { id: string; name: string }[];
  }[];
  const existing = new Map(listed.map((venue) => [venue.name, venue]));
  const places: Places = { venues: new Map(), rooms: new Map() };
  for (const { key, ...venue } of story.venues) {
    let id = existing.get(venue.name)?.id;
    if (!id)
      id = (await client.expect([201], `the venue ${venue.name}`, 'scheduling', `${base}/venues`, { body: venue, idempotent: `venue:${venue.name}` })).body.id;
    tally.add('venue', `${venue.name}, ${venue.city}`, !existing.has(venue.name));
    places.venues.set(key, id!);
    for (const room of story.rooms[key] ?? []) {
      let roomId = existing.get(venue.name)?.rooms.find((one) => one.name === room.name)?.id;
      const there = roomId !== undefined;
      if (!roomId)
        roomId = (
          await client.expect([201], `the room ${room.name}`, 'scheduling', `${base}/venues/${id}/rooms`, {
            body: room,
            idempotent: `room:${venue.name}:${room.name}`,
          })
        ).body.id;
      tally.add('room', `${room.name} (${room.capacity} seats), ${venue.name}`, !there);
      places.rooms.set(`${key}:${room.name}`, roomId!);
    }
  }
  return places;
}

export async function transferTime(client: MissionHubClient, tally: Tally, base: string): Promise<void> {
  const wanted = story.transferTime;
  const known = (await client.expect([200], 'the transfer times', 'scheduling', `${base}/transfer-times`)).body.items as {
    between: string[];
    minutes: number;
  }[];
  const same = known.some((one) => [...one.between].sort().join() === [...wanted.between].sort().join() && one.minutes === wanted.minutes);
  if (!same) await client.expect([200], 'the transfer time', 'scheduling', `${base}/transfer-times`, { method: 'PUT', body: wanted });
  tally.add('transfer time', `${wanted.between.join(' ↔ ')}: ${wanted.minutes} min`, !same);
}

export async function createSessions(client: MissionHubClient, tally: Tally, base: string, places: Places): Promise<Map<string, string>> {
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
      // A parent comes before the sessions it holds in the story, so its id is known by then.
      const body = {
        ...session.body,
        ...(session.venue ? { venueId: places.venues.get(session.venue) } : {}),
        ...(session.room ? { roomId: places.rooms.get(`${session.venue}:${session.room}`) } : {}),
        ...(session.parent ? { parentSessionId: ids.get(session.parent) } : {}),
      };
      id = (await client.expect([201], `the session ${title}`, 'scheduling', `${base}/sessions`, { body, idempotent: `session:${title}` })).body.id;
    }
    const within = session.parent ? `, within ${story.sessions.find((one) => one.key === session.parent)!.body.title as string}` : '';
    tally.add('session', `${(session.body.startsAt as string).slice(0, 16).replace('T', ' ')} ${title}${within}`, !existing.has(title));
    ids.set(session.key, id!);
  }
  return ids;
}

export async function release(client: MissionHubClient, tally: Tally, base: string): Promise<void> {
  const drafts = (await client.listAll<{ released: boolean }>('scheduling', `${base}/sessions`, 'the sessions')).filter((session) => !session.released);
  const releases = (await client.expect([200], 'the releases', 'scheduling', `${base}/schedule/releases`)).body.items as { number: number }[];
  if (drafts.length === 0 && releases.length > 0) {
    tally.add('release', `release ${Math.max(...releases.map((one) => one.number))} of the programme`, false);
    return;
  }
  const published = await client.expect([201], 'the release', 'scheduling', `${base}/schedule/releases`, { method: 'POST' });
  tally.add('release', `release ${published.body.number} of the programme (${published.body.changes.length} changes)`, true);
}

export async function enrol(
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
