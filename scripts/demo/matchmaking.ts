// Matchmaking: the meeting block, profiles, a time someone cannot meet, requests and their answers,
// a run that places the accepted meetings, and the outcomes the organisers record.
import * as story from './chengdu-liuzhou.js';
import { nameOf, type Participant, type Tally } from './demo-context.js';
import { ApiError, type MissionHubClient } from './mission-hub-client.js';

interface Meeting {
  id: string;
  requesterId: string;
  inviteeId: string;
  status: string;
  slot: { startsAt: string; endsAt: string; table: string } | null;
  outcome: string | null;
  mouId: string | null;
}

export async function matchmaking(
  client: MissionHubClient,
  tally: Tally,
  base: string,
  sessions: Map<string, string>,
  participants: Map<string, Participant>,
  log: (line: string) => void,
): Promise<void> {
  await cutMeetingBlock(client, tally, base, sessions.get(story.meetingBlock.session)!);
  await publishProfiles(client, tally, base, participants);
  await declareUnavailability(client, tally, base, participants);
  await askForMeetings(client, tally, base, participants);
  await runScheduler(client, tally, base, log);
  await recordOutcomes(client, tally, base, participants);
}

async function cutMeetingBlock(client: MissionHubClient, tally: Tally, base: string, blockId: string): Promise<void> {
  const { session: _session, ...cut } = story.meetingBlock;
  const path = `${base}/sessions/${blockId}/meeting-block`;
  const block = await client.call('scheduling', path);
  const same = block.status === 200 && block.body.slotMinutes === cut.slotMinutes && block.body.tables === cut.tables;
  if (!same) await client.expect([200], 'the meeting block', 'scheduling', path, { method: 'PUT', body: cut });
  tally.add('meeting block', `${cut.slotMinutes}-minute slots at ${cut.tables} tables`, !same);
}

async function publishProfiles(client: MissionHubClient, tally: Tally, base: string, participants: Map<string, Participant>): Promise<void> {
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
}

async function declareUnavailability(client: MissionHubClient, tally: Tally, base: string, participants: Map<string, Participant>): Promise<void> {
  for (const { person, ...time } of story.unavailability) {
    const participant = participants.get(person)!;
    const path = `${base}/participants/${participant.id}/unavailability`;
    const known = (await client.expect([200], 'the unavailability', 'scheduling', path)).body.items as { startsAt: string }[];
    const there = known.some((one) => Date.parse(one.startsAt) === Date.parse(time.startsAt));
    if (!there) {
      await client.expect([201], 'the unavailability', 'scheduling', path, {
        body: time,
        idempotent: `unavailability:${participant.person.email}:${time.startsAt}`,
      });
    }
    tally.add('unavailability', `${nameOf(participant.person)}: ${time.note}`, !there);
  }
}

/** Each requester asks with their own token (or the organisers propose), and the invitee accepts with theirs. */
async function askForMeetings(client: MissionHubClient, tally: Tally, base: string, participants: Map<string, Participant>): Promise<void> {
  const all = await client.listAll<Meeting>('scheduling', `${base}/meetings`, 'the meetings');
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
      const team = wish.team
        ? (['requester', 'invitee'] as const).flatMap((side) => wish.team![side].map((key) => ({ registrationId: participants.get(key)!.id, side })))
        : undefined;
      const body = {
        inviteeId: invitee.id,
        priority: wish.priority,
        message: wish.message,
        ...(wish.proposedByOrganiser ? { requesterId: requester.id } : {}),
        ...(team ? { attendees: team } : {}),
      };
      meeting = (
        await client.expect([201], `the meeting ${name}`, 'scheduling', `${base}/meetings`, {
          body,
          token: wish.proposedByOrganiser ? undefined : requester.token,
          idempotent: `meeting:${requester.person.email}:${invitee.person.email}`,
        })
      ).body as Meeting;
      const how = wish.proposedByOrganiser ? ' (proposed by the organisers)' : wish.team ? ` (a group meeting, ${team!.length + 2} attending)` : '';
      tally.add('meeting request', `${name}${how}`, true);
    }
    if (meeting.status !== 'requested') continue;
    if (!invitee.token) {
      tally.skip(`meeting ${name} not accepted: only ${invitee.person.email} may accept it, and this run has not their access token`);
      continue;
    }
    await client.expect([200], `the acceptance of ${name}`, 'scheduling', `${base}/meetings/${meeting.id}/accept`, { method: 'POST', token: invitee.token });
    tally.add('meeting accepted', name, true);
  }
}

/** A run when an accepted meeting has no place yet; followed until it has finished. */
async function runScheduler(client: MissionHubClient, tally: Tally, base: string, log: (line: string) => void): Promise<void> {
  const all = await client.listAll<Meeting>('scheduling', `${base}/meetings`, 'the meetings');
  const unplaced = all.filter((meeting) => meeting.status === 'accepted' && !meeting.slot);
  if (unplaced.length === 0) {
    tally.add('matchmaking run', `${all.filter((meeting) => meeting.slot).length} meetings placed`, false);
    return;
  }
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

/** The mission is over: the organisers record the meetings as held. */
async function recordOutcomes(client: MissionHubClient, tally: Tally, base: string, participants: Map<string, Participant>): Promise<void> {
  const names = new Map([...participants.values()].map((participant) => [participant.id, nameOf(participant.person)]));
  const placed = (await client.listAll<Meeting>('scheduling', `${base}/meetings`, 'the meetings')).filter((meeting) => meeting.slot);
  for (const meeting of placed) {
    const when = `${venueTime(meeting.slot!.startsAt)} at table ${meeting.slot!.table}`;
    if (!meeting.outcome) {
      await client.expect([200], 'the meeting outcome', 'scheduling', `${base}/meetings/${meeting.id}/outcome`, { body: { outcome: 'held' } });
    }
    tally.add(
      'meeting held',
      `${names.get(meeting.requesterId) ?? meeting.requesterId} and ${names.get(meeting.inviteeId) ?? meeting.inviteeId}, ${when}`,
      !meeting.outcome,
    );
  }
}

/** The MoUs signed since: each names the meeting it came from, as the organisers record it with the meeting's outcome. */
export async function linkMeetingsToMous(client: MissionHubClient, tally: Tally, missionId: string, participants: Map<string, Participant>): Promise<void> {
  const base = `/api/missions/${missionId}`;
  const mous = new Map(
    (await client.listAll<{ id: string; title: string }>('mou-registry', `/api/mous?mission=${missionId}`, 'the MoUs')).map((mou) => [mou.title, mou.id]),
  );
  const all = await client.listAll<Meeting>('scheduling', `${base}/meetings`, 'the meetings');
  for (const wish of story.meetings.filter((one) => one.mou)) {
    const requester = participants.get(wish.requester)!;
    const invitee = participants.get(wish.invitee)!;
    const meeting = all.find((one) => one.requesterId === requester.id && one.inviteeId === invitee.id && one.slot);
    const name = `${nameOf(requester.person)} and ${nameOf(invitee.person)} → ${wish.mou!}`;
    if (!meeting) {
      tally.skip(`no link from a meeting to ${wish.mou!}: the meeting of ${nameOf(requester.person)} and ${nameOf(invitee.person)} was not placed`);
      continue;
    }
    const mouId = mous.get(wish.mou!)!;
    if (meeting.mouId !== mouId)
      await client.expect([200], 'the meeting outcome with its MoU', 'scheduling', `${base}/meetings/${meeting.id}/outcome`, {
        body: { outcome: 'held', mouId },
      });
    tally.add('meeting led to an MoU', name, meeting.mouId !== mouId);
  }
}

/** An instant as the mission's venues read it (all in China's zone). */
function venueTime(instant: string): string {
  return new Date(instant).toLocaleString('en-GB', { timeZone: story.mission.timezone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
