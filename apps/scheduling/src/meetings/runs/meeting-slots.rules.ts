import { findConflict, overlaps, type TimedSession, type TransferTimes } from '../../programme/conflict.rules.js';
import type { MeetingBlock, MeetingSlot } from '../../matchmaking/meeting-instance.js';

export interface BlockSettings {
  slotMinutes: number;
  tables: number;
  breaks: readonly { startsAt: Date; endsAt: Date }[];
}

export interface BlockSession {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  city: string;
}

/** A slot's id names its block and start, so the same slot keeps its id from one run to the next. */
export function slotId(blockId: string, start: Date): string {
  return `${blockId}@${start.toISOString()}`;
}

/**
 * The block cut into slots of `slotMinutes` from its start; a slot that would run past the end or
 * overlap a break is left out, and the next slot starts when the break ends.
 */
export function slotsOf(session: BlockSession, settings: BlockSettings): MeetingSlot[] {
  const slots: MeetingSlot[] = [];
  const length = settings.slotMinutes * 60_000;
  const breaks = [...settings.breaks].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  let start = session.startsAt.getTime();
  while (start + length <= session.endsAt.getTime()) {
    const candidate = { startsAt: new Date(start), endsAt: new Date(start + length) };
    const inBreak = breaks.find((pause) => overlaps(pause, candidate));
    if (inBreak) {
      start = Math.max(inBreak.endsAt.getTime(), start + 1);
      continue;
    }
    slots.push({ id: slotId(session.id, candidate.startsAt), start: candidate.startsAt, end: candidate.endsAt });
    start += length;
  }
  return slots;
}

export function meetingBlockOf(session: BlockSession, settings: BlockSettings): MeetingBlock {
  return { id: session.id, city: session.city, tables: settings.tables, slots: slotsOf(session, settings) };
}

/**
 * The slots a participant cannot meet in: those overlapping a session of their agenda or a time they
 * declared, and those they cannot reach: a block in a city they are not in. Where a participant is
 * comes from their agenda: the session before a slot in another city (or the one after it) leaves
 * less time than the transfer between the two cities takes (the same rule as enrolment's).
 */
export function unavailableSlots(
  blocks: readonly MeetingBlock[],
  agenda: readonly TimedSession[],
  declared: readonly { startsAt: Date; endsAt: Date }[],
  transfers: TransferTimes,
): string[] {
  const unavailable: string[] = [];
  for (const block of blocks) {
    for (const slot of block.slots) {
      const candidate: TimedSession = {
        sessionId: slot.id,
        title: 'meeting',
        startsAt: slot.start,
        endsAt: slot.end,
        startCity: block.city,
        endCity: block.city,
      };
      if (declared.some((busy) => overlaps(busy, candidate)) || findConflict(candidate, agenda, transfers)) unavailable.push(slot.id);
    }
  }
  return unavailable;
}
