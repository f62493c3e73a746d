import type { EventData } from '#contracts';
import { diffSchedules, type ScheduleDiff } from '../../matchmaking/schedule-diff.js';

type TimetableNotice = EventData<'meeting.timetable_published'>;

/** A meeting at its place, with what a timetable shows of it. */
export interface Placement {
  meetingId: string;
  parties: readonly [string, string];
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
    for (const party of placement.parties) {
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
      .filter((placement) => placement.parties.includes(registrationId))
      .map((placement) => ({ meetingId: placement.meetingId, ...placeOf(placement, registrationId) })),
    changes: changes.get(registrationId)!,
  }));
}

/** Where and when, and with whom `registrationId` meets. */
function placeOf(placement: Placement, registrationId: string) {
  const [a, b] = placement.parties;
  return {
    startsAt: placement.startsAt.toISOString(),
    endsAt: placement.endsAt.toISOString(),
    table: String(placement.table),
    venue: placement.venue,
    counterpartId: a === registrationId ? b : a,
    ...(placement.sequence !== undefined ? { sequence: placement.sequence } : {}),
  };
}
