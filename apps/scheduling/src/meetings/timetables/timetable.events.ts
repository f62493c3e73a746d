import type { EventData } from '#contracts';
import { diffSchedules, type ScheduleDiff } from '../../matchmaking/schedule-diff.js';

type TimetableNotice = EventData<'meeting.timetable_published'>;

/** A meeting at its place, with what a timetable shows of it. */
export interface Placement {
  meetingId: string;
  /** Requester and invitee. */
  parties: readonly [string, string];
  /** A group meeting's attendees on each side (the two parties included); absent or the two for a one-to-one meeting. */
  attendees?: readonly { registrationId: string; side: 'requester' | 'invitee' }[];
  slotId: string;
  table: number;
  startsAt: Date;
  endsAt: Date;
  venue: { name: string; city: string; timezone: string } | null;
  /** The meeting's iCalendar SEQUENCE after the run, when known. */
  sequence?: number;
}

export interface TimetableRun {
  missionId: string;
  runId: string;
  /** Every placed meeting before the run (including those since called off) and after it. */
  before: readonly Placement[];
  after: readonly Placement[];
  /** Participants still in the mission: only they are sent a timetable. */
  present: ReadonlySet<string>;
  /** Participants who were sent a timetable before. */
  published: ReadonlySet<string>;
}

/**
 * One notice per participant the run changed something for (a meeting of theirs scheduled, moved or
 * cancelled): their whole timetable after the run, in time order, and the changes, in the order of
 * the diff (`diff`, when the caller has it already). Whoever the run changed nothing for is not told again.
 */
export function timetableNotices(run: TimetableRun, diff: ScheduleDiff = diffSchedules(run.before, run.after)): TimetableNotice[] {
  const before = new Map(run.before.map((placement) => [placement.meetingId, placement]));
  const after = new Map(run.after.map((placement) => [placement.meetingId, placement]));
  const changes = new Map<string, TimetableNotice['changes']>();
  const note = (placement: Placement, change: (party: string) => TimetableNotice['changes'][number]) => {
    for (const party of everyoneAt(placement)) {
      if (run.present.has(party)) changes.set(party, [...(changes.get(party) ?? []), change(party)]);
    }
  };
  for (const placed of diff.scheduled) note(after.get(placed.meetingId)!, () => ({ meetingId: placed.meetingId, change: 'scheduled' }));
  for (const moved of diff.moved) {
    const was = before.get(moved.meetingId)!;
    note(after.get(moved.meetingId)!, (party) => ({ meetingId: moved.meetingId, change: 'moved', previous: placeOf(was, party) }));
  }
  for (const cancelled of diff.cancelled) {
    const was = before.get(cancelled.meetingId)!;
    note(was, (party) => ({ meetingId: cancelled.meetingId, change: 'cancelled', previous: placeOf(was, party) }));
  }
  const placements = [...run.after].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.table - b.table);
  return [...changes.keys()].sort().map((registrationId) => ({
    missionId: run.missionId,
    registrationId,
    runId: run.runId,
    first: !run.published.has(registrationId),
    meetings: placements
      .filter((placement) => everyoneAt(placement).includes(registrationId))
      .map((placement) => ({ meetingId: placement.meetingId, ...placeOf(placement, registrationId) })),
    changes: changes.get(registrationId)!,
  }));
}

/** Everyone attending: the two parties, and a group meeting's teams. */
function everyoneAt(placement: Placement): string[] {
  return [...new Set([...placement.parties, ...(placement.attendees ?? []).map((attendee) => attendee.registrationId)])];
}

/** Where and when, and with whom `registrationId` meets: the other side's lead, for a team member of a group meeting. */
function placeOf(placement: Placement, registrationId: string) {
  const [a, b] = placement.parties;
  const side =
    registrationId === a ? 'requester' : registrationId === b ? 'invitee' : placement.attendees?.find((x) => x.registrationId === registrationId)?.side;
  return {
    startsAt: placement.startsAt.toISOString(),
    endsAt: placement.endsAt.toISOString(),
    table: String(placement.table),
    venue: placement.venue,
    counterpartId: side === 'requester' ? b : a,
    ...(placement.sequence !== undefined ? { sequence: placement.sequence } : {}),
  };
}
