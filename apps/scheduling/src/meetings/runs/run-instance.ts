import type { EntityManager } from 'typeorm';
import { sessionsOfParticipants } from '../../enrolments/participant-sessions.js';
import type { MeetingBlock, MeetingSchedulingInput } from '../../matchmaking/meeting-instance.js';
import { transferTimesOf } from '../../venues/venues.service.js';
import { MeetingEntity } from '../requests/meeting.entity.js';
import { meetingBlockOf, unavailableSlots } from './meeting-slots.js';
import { UnavailabilityEntity, type BlockBreak } from './run.entity.js';

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

interface BlockRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  released_at: Date | null;
  venue_name: string | null;
  city: string | null;
  venue_timezone: string | null;
  slot_minutes: number | null;
  tables: number | null;
  breaks: BlockBreak[] | null;
}

/**
 * Reads a mission's matchmaking as it stands: the released, running B2B blocks with settings cut into
 * slots; the accepted meetings; each of their participants' sessions (the same that hold them when they
 * enrol) and declared unavailability; the places announced so far.
 */
export async function readRunInstance(
  manager: EntityManager,
  missionId: string,
  options: { rebuild: boolean; limitPerParticipant: number | null },
): Promise<RunInstance> {
  const rows: BlockRow[] = await manager.query(
    `SELECT s.id, s.title, s.starts_at, s.ends_at, s.status, s.released_at, v.name AS venue_name, v.city, v.timezone AS venue_timezone,
            b.slot_minutes, b.tables, b.breaks
       FROM sessions s LEFT JOIN venues v ON v.id = s.venue_id LEFT JOIN meeting_blocks b ON b.session_id = s.id
      WHERE s.mission_id = $1 AND s.kind = 'b2b_meeting_block'`,
    [missionId],
  );
  const places = new Map(
    rows.map((row) => [row.id, { blockId: row.id, venue: row.venue_name ? { name: row.venue_name, city: row.city!, timezone: row.venue_timezone! } : null }]),
  );
  const blocks: MeetingBlock[] = rows
    .filter((row) => row.status === 'active' && row.released_at && row.slot_minutes && row.tables && row.city)
    .map((row) =>
      meetingBlockOf(
        { id: row.id, title: row.title, startsAt: row.starts_at, endsAt: row.ends_at, city: row.city! },
        {
          slotMinutes: row.slot_minutes!,
          tables: row.tables!,
          breaks: (row.breaks ?? []).map((pause) => ({ startsAt: new Date(pause.startsAt), endsAt: new Date(pause.endsAt) })),
        },
      ),
    );
  // A slot that is gone (the block was cut otherwise, or cancelled) or a table no longer there is not kept: the meeting is placed again.
  const slots = new Map(
    blocks.flatMap((block) => block.slots.map((slot) => [slot.id, { blockId: block.id, start: slot.start, end: slot.end, tables: block.tables }] as const)),
  );

  const meetings = await manager.find(MeetingEntity, { where: { missionId, status: 'accepted' }, order: { id: 'ASC' } });
  const participantIds = [...new Set(meetings.flatMap((meeting) => [meeting.requesterId, meeting.inviteeId]))];
  // The sessions that hold them when they enrol hold them here too, waitlisted seats and talks in draft included:
  // a seat comes from the waitlist, and a draft is released, without a look at anyone's meetings.
  const agendas = await sessionsOfParticipants(manager, missionId, participantIds, { withoutMeetingBlocks: true });
  const declared = await manager.find(UnavailabilityEntity, { where: { missionId } });
  const transfers = await transferTimesOf(manager, missionId);
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
          agendas.get(id) ?? [],
          declared.filter((row) => row.registrationId === id),
          transfers,
        ),
      })),
      meetings: meetings.map((meeting) => ({ id: meeting.id, participants: [meeting.requesterId, meeting.inviteeId] as const, priority: meeting.priority })),
      announced: meetings
        .filter((meeting) => meeting.slotId && meeting.tableNumber !== null && meeting.tableNumber <= (slots.get(meeting.slotId)?.tables ?? 0))
        .map((meeting) => ({ meetingId: meeting.id, slotId: meeting.slotId!, table: meeting.tableNumber! })),
      rebuild: options.rebuild,
    },
  };
}
