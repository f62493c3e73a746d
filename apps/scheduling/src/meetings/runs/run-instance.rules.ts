import type { MeetingBlock, MeetingSchedulingInput } from '../../matchmaking/meeting-instance.js';
import type { TimedSession, TransferTimes } from '../../programme/conflict.rules.js';
import type { Meeting } from '../requests/meeting.js';
import { meetingBlockOf, unavailableSlots } from './meeting-slots.rules.js';
import type { BlockOfRun, Unavailability } from './run.js';

export interface BlockPlace {
  blockId: string;
  venue: { name: string; city: string; timezone: string } | null;
}

/** What a run works on: the scheduler's input, and where each slot is (for the events). */
export interface RunInstance {
  input: MeetingSchedulingInput;
  slots: Map<string, { blockId: string; start: Date; end: Date; tables: number }>;
  /** Every B2B block of the mission, cancelled ones too: announced meetings may still be in one. */
  places: Map<string, BlockPlace>;
}

/** What a run reads of a mission's matchmaking as it stands (see `RunsService`). */
export interface MatchmakingState {
  /** Every B2B block of the mission, cancelled ones too. */
  blocks: readonly BlockOfRun[];
  /** The accepted meetings, in id order. */
  meetings: readonly Meeting[];
  /** Each of their participants' sessions, meeting blocks left out, by registration id. */
  agendas: ReadonlyMap<string, readonly TimedSession[]>;
  declared: readonly Unavailability[];
  transfers: TransferTimes;
}

/**
 * The run's instance: the released, running B2B blocks with settings cut into slots; the accepted
 * meetings; each participant's unavailable slots; the places announced so far.
 */
export function runInstanceOf(state: MatchmakingState, options: { rebuild: boolean; limitPerParticipant: number | null }): RunInstance {
  const places = new Map(state.blocks.map((block) => [block.id, { blockId: block.id, venue: block.venue }]));
  const blocks: MeetingBlock[] = state.blocks
    .filter((block) => block.status === 'active' && block.releasedAt && block.slotMinutes && block.tables && block.venue?.city)
    .map((block) =>
      meetingBlockOf(
        { id: block.id, title: block.title, startsAt: block.startsAt, endsAt: block.endsAt, city: block.venue!.city },
        {
          slotMinutes: block.slotMinutes!,
          tables: block.tables!,
          breaks: (block.breaks ?? []).map((pause) => ({ startsAt: new Date(pause.startsAt), endsAt: new Date(pause.endsAt) })),
        },
      ),
    );
  // A slot that is gone (the block was cut otherwise, or cancelled) or a table no longer there is not kept: the meeting is placed again.
  const slots = new Map(
    blocks.flatMap((block) => block.slots.map((slot) => [slot.id, { blockId: block.id, start: slot.start, end: slot.end, tables: block.tables }] as const)),
  );
  const { meetings } = state;
  const participantIds = participantsOf(meetings);
  const limit = options.limitPerParticipant ?? slots.size;
  return {
    slots,
    places,
    input: {
      blocks,
      participants: participantIds.map((id) => ({
        id,
        limit,
        unavailableSlots: unavailableSlots(
          blocks,
          state.agendas.get(id) ?? [],
          state.declared.filter((row) => row.registrationId === id),
          state.transfers,
        ),
      })),
      meetings: meetings.map((meeting) => ({ id: meeting.id, participants: peopleOfMeeting(meeting), priority: meeting.priority })),
      announced: meetings
        .filter((meeting) => meeting.slotId && meeting.tableNumber !== null && meeting.tableNumber <= (slots.get(meeting.slotId)?.tables ?? 0))
        .map((meeting) => ({ meetingId: meeting.id, slotId: meeting.slotId!, table: meeting.tableNumber! })),
      rebuild: options.rebuild,
    },
  };
}

/** The meetings' participants (a group meeting's every attendee), each once. */
export function participantsOf(meetings: readonly Parameters<typeof peopleOfMeeting>[0][]): string[] {
  return [...new Set(meetings.flatMap(peopleOfMeeting))];
}

/** Whom a meeting needs free: its requester and invitee, and a group meeting's teams (requester's side first). */
export function peopleOfMeeting(meeting: { requesterId: string; inviteeId: string; attendees?: readonly { registrationId: string }[] }): string[] {
  return [...new Set([meeting.requesterId, meeting.inviteeId, ...(meeting.attendees ?? []).map((attendee) => attendee.registrationId)])];
}
