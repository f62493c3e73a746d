import type { PlacedMeeting } from './meeting-instance.js';

export interface ScheduleDiff {
  /** Not in the previous schedule, in this one. */
  scheduled: PlacedMeeting[];
  /** In both, at another slot or table. */
  moved: { meetingId: string; from: PlacedMeeting; to: PlacedMeeting }[];
  /** In the previous schedule, not in this one (left out, withdrawn or declined). */
  cancelled: PlacedMeeting[];
  unchanged: number;
}

/** What a later run changes for the participants: each entry is one event and one notice to each of the meeting's two participants. */
export function diffSchedules(previous: readonly PlacedMeeting[], next: readonly PlacedMeeting[]): ScheduleDiff {
  const before = new Map(previous.map((placed) => [placed.meetingId, placed]));
  const diff: ScheduleDiff = { scheduled: [], moved: [], cancelled: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const placed of next) {
    seen.add(placed.meetingId);
    const was = before.get(placed.meetingId);
    if (!was) diff.scheduled.push(placed);
    else if (was.slotId !== placed.slotId || was.table !== placed.table) diff.moved.push({ meetingId: placed.meetingId, from: was, to: placed });
    else diff.unchanged++;
  }
  for (const was of previous) if (!seen.has(was.meetingId)) diff.cancelled.push(was);
  return diff;
}
