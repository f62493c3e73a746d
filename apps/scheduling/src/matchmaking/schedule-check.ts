import type { MeetingSchedulingInput, PlacedMeeting } from './meeting-instance.js';

/**
 * Every rule a meeting schedule must keep, checked from the input alone and independently of how
 * the scheduler works: an empty list means the schedule is valid. The tests and the benchmark run it
 * on every schedule they make.
 */
export function scheduleViolations(input: MeetingSchedulingInput, placed: readonly PlacedMeeting[]): string[] {
  const violations: string[] = [];
  const slots = new Map(input.blocks.flatMap((block) => block.slots.map((slot) => [slot.id, { ...slot, tables: block.tables }] as const)));
  const meetings = new Map(input.meetings.map((meeting) => [meeting.id, meeting]));
  const participants = new Map(input.participants.map((participant) => [participant.id, participant]));
  const tablesTaken = new Set<string>();
  const seen = new Set<string>();
  const timesOf = new Map<string, { start: number; end: number; meetingId: string }[]>();

  for (const { meetingId, slotId, table } of placed) {
    const meeting = meetings.get(meetingId);
    const slot = slots.get(slotId);
    if (!meeting || !slot) {
      violations.push(`${meetingId}: unknown meeting or slot ${slotId}`);
      continue;
    }
    if (seen.has(meetingId)) violations.push(`${meetingId}: placed twice`);
    seen.add(meetingId);
    if (!Number.isInteger(table) || table < 1 || table > slot.tables) violations.push(`${meetingId}: table ${table} is not one of the block's ${slot.tables}`);
    if (tablesTaken.has(`${slotId}:${table}`)) violations.push(`${meetingId}: table ${table} in ${slotId} is taken twice`);
    tablesTaken.add(`${slotId}:${table}`);
    for (const id of meeting.participants) {
      if (participants.get(id)?.unavailableSlots.includes(slotId)) violations.push(`${meetingId}: ${id} is unavailable in ${slotId}`);
      const times = timesOf.get(id) ?? [];
      const clash = times.find((other) => other.start < slot.end.getTime() && slot.start.getTime() < other.end);
      if (clash) violations.push(`${meetingId}: ${id} is also in ${clash.meetingId} at that time`);
      times.push({ start: slot.start.getTime(), end: slot.end.getTime(), meetingId });
      timesOf.set(id, times);
    }
  }
  for (const [id, times] of timesOf) {
    const limit = participants.get(id)?.limit ?? 0;
    if (times.length > limit) violations.push(`${id}: ${times.length} meetings over a limit of ${limit}`);
  }
  if (!input.rebuild) {
    const where = new Map(placed.map((p) => [p.meetingId, p]));
    for (const announced of input.announced ?? []) {
      const meeting = meetings.get(announced.meetingId);
      if (!meeting) continue;
      const now = where.get(announced.meetingId);
      if (now && now.slotId === announced.slotId && now.table === announced.table) continue;
      // An announced meeting may leave its place only when it can no longer stay: one of its participants became unavailable.
      const stillFits = meeting.participants.every((id) => !participants.get(id)?.unavailableSlots.includes(announced.slotId));
      if (stillFits) violations.push(`${announced.meetingId}: announced at ${announced.slotId} table ${announced.table}, ${now ? 'moved' : 'dropped'}`);
    }
  }
  return violations;
}
