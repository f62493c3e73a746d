/** One slot of a meeting block: every meeting of the slot starts and ends with it. */
export interface MeetingSlot {
  id: string;
  start: Date;
  end: Date;
}

/** A B2B meeting block: consecutive slots, a number of tables (numbered 1…tables) in one city. */
export interface MeetingBlock {
  id: string;
  city: string;
  tables: number;
  slots: readonly MeetingSlot[];
}

export interface MeetingParticipant {
  id: string;
  /** Most meetings this participant takes part in. */
  limit: number;
  /**
   * Slots the participant cannot meet in: another session in their agenda, declared unavailability,
   * or a block in a city they are not in at the time (see `unavailableByCity`).
   */
  unavailableSlots: readonly string[];
}

/** A meeting request both parties accepted (or an organiser proposed), waiting for a slot. */
export interface AcceptedMeeting {
  id: string;
  /** Two for a one-to-one meeting; a group meeting's every attendee (each must be free, and each counts against their limit). */
  participants: readonly string[];
  /** 1 (lowest) … 5 (highest). */
  priority: number;
}

/** A meeting at a slot and a table: what a run returns and what an earlier run announced. */
export interface PlacedMeeting {
  meetingId: string;
  slotId: string;
  table: number;
}

export interface MeetingSchedulingInput {
  blocks: readonly MeetingBlock[];
  participants: readonly MeetingParticipant[];
  meetings: readonly AcceptedMeeting[];
  /** Meetings already announced to their participants: kept where they are unless `rebuild`. */
  announced?: readonly PlacedMeeting[];
  rebuild?: boolean;
}

export class InvalidMeetingInstance extends Error {}

/**
 * The input turned into dense arrays the scheduler can work on quickly. Everything is sorted by id
 * (slots by start), so the result does not depend on the order of the input.
 */
export interface IndexedInstance {
  slotIds: string[];
  /** Start and end instants of each slot, in epoch milliseconds. */
  slotStart: Float64Array;
  slotEnd: Float64Array;
  /** Tables of the slot's block. */
  slotTables: Int32Array;
  /** For each slot, the slots that overlap it in time, itself included: a participant is in at most one of them. */
  overlapping: Int32Array[];
  participantIds: string[];
  limit: Int32Array;
  /** `unavailable[p * slots + s]` is 1 when participant p cannot meet in slot s. */
  unavailable: Uint8Array;
  meetingIds: string[];
  /** Each meeting's participants (two for a one-to-one meeting); `first` and `second` are its first two. */
  attendees: Int32Array[];
  first: Int32Array;
  second: Int32Array;
  priority: Int32Array;
  /** For each meeting, the slots in which both participants are available, in time order. */
  allowedSlots: Int32Array[];
  /** For each participant, their meetings. */
  meetingsOf: Int32Array[];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function indexInstance(input: MeetingSchedulingInput): IndexedInstance {
  const slots = input.blocks
    .flatMap((block) => {
      if (!Number.isInteger(block.tables) || block.tables < 0) throw new InvalidMeetingInstance(`block ${block.id}: tables must be a whole number ≥ 0`);
      return block.slots.map((slot) => ({ ...slot, tables: block.tables, blockId: block.id }));
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.blockId < b.blockId ? -1 : a.blockId > b.blockId ? 1 : 0) || byId(a, b));
  const slotIndex = uniqueIndex(slots, 'slot');
  for (const slot of slots) {
    if (!(slot.end.getTime() > slot.start.getTime())) throw new InvalidMeetingInstance(`slot ${slot.id} ends before it starts`);
  }
  const overlapping = slots.map((slot) => {
    const others: number[] = [];
    slots.forEach((other, index) => {
      if (other.start.getTime() < slot.end.getTime() && slot.start.getTime() < other.end.getTime()) others.push(index);
    });
    return Int32Array.from(others);
  });

  const participants = [...input.participants].sort(byId);
  const participantIndex = uniqueIndex(participants, 'participant');
  const slotCount = slots.length;
  const unavailable = new Uint8Array(participants.length * slotCount);
  participants.forEach((participant, p) => {
    if (!Number.isInteger(participant.limit) || participant.limit < 0)
      throw new InvalidMeetingInstance(`participant ${participant.id}: limit must be a whole number ≥ 0`);
    for (const slotId of participant.unavailableSlots) {
      const s = slotIndex.get(slotId);
      if (s !== undefined) unavailable[p * slotCount + s] = 1;
    }
  });

  const meetings = [...input.meetings].sort(byId);
  uniqueIndex(meetings, 'meeting');
  const first = new Int32Array(meetings.length);
  const second = new Int32Array(meetings.length);
  const priority = new Int32Array(meetings.length);
  const meetingsOf: number[][] = participants.map(() => []);
  const attendees: Int32Array[] = [];
  const allowedSlots = meetings.map((meeting, m) => {
    const people = meeting.participants.map((id) => participantIndex.get(id));
    if (people.length < 2 || people.some((p) => p === undefined)) throw new InvalidMeetingInstance(`meeting ${meeting.id}: unknown participant`);
    if (new Set(people).size !== people.length) throw new InvalidMeetingInstance(`meeting ${meeting.id}: a participant cannot meet themselves`);
    if (!Number.isInteger(meeting.priority) || meeting.priority < 1 || meeting.priority > 5)
      throw new InvalidMeetingInstance(`meeting ${meeting.id}: priority must be 1…5`);
    const of = Int32Array.from(people as number[]);
    attendees.push(of);
    first[m] = of[0];
    second[m] = of[1];
    priority[m] = meeting.priority;
    for (const p of of) meetingsOf[p].push(m);
    const allowed: number[] = [];
    for (let s = 0; s < slotCount; s++) {
      if (slots[s].tables > 0 && of.every((p) => !unavailable[p * slotCount + s])) allowed.push(s);
    }
    return Int32Array.from(allowed);
  });

  return {
    slotIds: slots.map((slot) => slot.id),
    slotStart: Float64Array.from(slots, (slot) => slot.start.getTime()),
    slotEnd: Float64Array.from(slots, (slot) => slot.end.getTime()),
    slotTables: Int32Array.from(slots, (slot) => slot.tables),
    overlapping,
    participantIds: participants.map((participant) => participant.id),
    limit: Int32Array.from(participants, (participant) => participant.limit),
    unavailable,
    meetingIds: meetings.map((meeting) => meeting.id),
    attendees,
    first,
    second,
    priority,
    allowedSlots,
    meetingsOf: meetingsOf.map((list) => Int32Array.from(list)),
  };
}

function uniqueIndex(items: readonly { id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.id)) throw new InvalidMeetingInstance(`${what} ${item.id} appears twice`);
    index.set(item.id, i);
  });
  return index;
}

/**
 * The slots of blocks held in a city the participant is not in at that time. `whereabouts` lists
 * where the participant is over the mission; a participant with no whereabouts is everywhere.
 */
export function unavailableByCity(blocks: readonly MeetingBlock[], whereabouts: readonly { city: string; from: Date; until: Date }[]): string[] {
  if (whereabouts.length === 0) return [];
  return blocks.flatMap((block) =>
    block.slots
      .filter(
        (slot) =>
          !whereabouts.some((stay) => stay.city === block.city && stay.from.getTime() <= slot.start.getTime() && slot.end.getTime() <= stay.until.getTime()),
      )
      .map((slot) => slot.id),
  );
}
