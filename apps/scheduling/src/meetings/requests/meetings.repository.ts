import { sql, type UnitOfWork } from '#common';
import type { MeetingStatus } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { CancelReason, Meeting, MeetingAttendee, MeetingOutcome } from './meeting.js';

interface MeetingRow {
  id: string;
  seq: string;
  mission_id: string;
  requester_id: string;
  invitee_id: string;
  proposed_by: string | null;
  priority: number;
  message: string | null;
  status: MeetingStatus;
  cancel_reason: CancelReason | null;
  block_id: string | null;
  slot_id: string | null;
  starts_at: Date | null;
  ends_at: Date | null;
  table_number: number | null;
  outcome: MeetingOutcome | null;
  outcome_notes: string | null;
  mou_id: string | null;
  attendees: MeetingAttendee[];
  created_at: Date;
  updated_at: Date;
}

/** A meeting's attendees: the requester's side first, each side's lead first, then by id. */
const ATTENDEES = `coalesce((SELECT json_agg(json_build_object('registrationId', a.registration_id, 'side', a.side)
    ORDER BY a.side DESC, a.registration_id NOT IN (meetings.requester_id, meetings.invitee_id), a.registration_id)
  FROM meeting_attendees a WHERE a.meeting_id = meetings.id), '[]'::json) AS attendees`;

/** Its text aliases shadow the columns in ORDER BY: order by `meetings.<column>`, never by the bare name. */
const COLUMNS = `id, seq::text AS seq, mission_id, requester_id, invitee_id, proposed_by, priority, message, status, cancel_reason, block_id, slot_id,
  starts_at, ends_at, table_number, outcome, outcome_notes, mou_id, created_at, updated_at, ${ATTENDEES}`;

/** Every query of the meetings table. */
@Injectable()
export class MeetingsRepository {
  /** Answers the meeting as stored; a second open request of the same two fails on `meetings_open_pair`. */
  async insert(unit: UnitOfWork, meeting: Omit<Meeting, 'seq'>): Promise<Meeting> {
    const [row] = await unit.query<MeetingRow>(
      sql(
        `INSERT INTO meetings (id, mission_id, requester_id, invitee_id, proposed_by, priority, message, status, cancel_reason, block_id, slot_id,
                               starts_at, ends_at, table_number, outcome, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING ${COLUMNS}`,
        [
          meeting.id,
          meeting.missionId,
          meeting.requesterId,
          meeting.inviteeId,
          meeting.proposedBy,
          meeting.priority,
          meeting.message,
          ...changeableOf(meeting),
          meeting.createdAt,
          meeting.updatedAt,
        ],
      ),
    );
    await unit.query(
      sql(`INSERT INTO meeting_attendees (meeting_id, registration_id, side) SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[])`, [
        meeting.id,
        meeting.attendees.map((attendee) => attendee.registrationId),
        meeting.attendees.map((attendee) => attendee.side),
      ]),
    );
    return { ...toMeeting(row!), attendees: meeting.attendees };
  }

  /**
   * Who attends the meeting, the requester and invitee included (requester's side first): whom a
   * reminder or a timetable goes to. Empty for an unknown meeting.
   */
  async attendeesOf(unit: UnitOfWork, meetingId: string): Promise<MeetingAttendee[]> {
    const [row] = await unit.query<{ attendees: MeetingAttendee[] }>(sql(`SELECT ${ATTENDEES} FROM meetings WHERE id = $1`, [meetingId]));
    return row?.attendees ?? [];
  }

  /**
   * The participant no longer attends the group meetings they are not a lead of (their registration
   * was cancelled or erased); the meetings go on with the others. Answers the meetings they left.
   */
  async removeAttendee(unit: UnitOfWork, registrationId: string): Promise<string[]> {
    const rows = await unit.query<{ meeting_id: string }>(
      sql(
        `DELETE FROM meeting_attendees a USING meetings m
          WHERE a.meeting_id = m.id AND a.registration_id = $1 AND $1 NOT IN (m.requester_id, m.invitee_id)
          RETURNING a.meeting_id`,
        [registrationId],
      ),
    );
    return rows.map((row) => row.meeting_id);
  }

  /** The people the participant shares a meeting with (asked, accepted, declined or held; not one called off before it was held). */
  async counterpartsOf(unit: UnitOfWork, missionId: string, registrationId: string): Promise<Set<string>> {
    const rows = await unit.query<{ registration_id: string }>(
      sql(
        `SELECT DISTINCT other.registration_id FROM meeting_attendees mine
           JOIN meetings m ON m.id = mine.meeting_id
           JOIN meeting_attendees other ON other.meeting_id = m.id AND other.registration_id <> mine.registration_id
          WHERE mine.registration_id = $1 AND m.mission_id = $2 AND (m.status <> 'cancelled' OR m.outcome = 'held')`,
        [registrationId, missionId],
      ),
    );
    return new Set(rows.map((row) => row.registration_id));
  }

  /** Writes what changes of a meeting: its status, place, outcome. */
  async update(unit: UnitOfWork, meeting: Meeting): Promise<void> {
    await unit.query(
      sql(
        `UPDATE meetings SET status = $2, cancel_reason = $3, block_id = $4, slot_id = $5, starts_at = $6, ends_at = $7, table_number = $8, outcome = $9,
                outcome_notes = $10, mou_id = $11, updated_at = $12 WHERE id = $1`,
        [meeting.id, ...changeableOf(meeting), meeting.outcomeNotes, meeting.mouId, meeting.updatedAt],
      ),
    );
  }

  /** The meeting of the mission; `lock` holds its row until the transaction ends. */
  async find(unit: UnitOfWork, missionId: string, meetingId: string, options: { lock?: boolean } = {}): Promise<Meeting | null> {
    const [row] = await unit.query<MeetingRow>(
      sql(`SELECT ${COLUMNS} FROM meetings WHERE id = $1 AND mission_id = $2${options.lock ? ' FOR UPDATE' : ''}`, [meetingId, missionId]),
    );
    return row ? toMeeting(row) : null;
  }

  /** A requested or accepted meeting of the two, whoever asked. */
  async openBetween(unit: UnitOfWork, missionId: string, a: string, b: string): Promise<Meeting | null> {
    const [row] = await unit.query<MeetingRow>(
      sql(
        `SELECT ${COLUMNS} FROM meetings
          WHERE mission_id = $1 AND status IN ('requested', 'accepted') AND ((requester_id = $2 AND invitee_id = $3) OR (requester_id = $3 AND invitee_id = $2))
          LIMIT 1`,
        [missionId, a, b],
      ),
    );
    return row ? toMeeting(row) : null;
  }

  /** The participant's requested and accepted meetings (in every mission), locked, in id order. */
  async lockOpenOf(unit: UnitOfWork, registrationId: string): Promise<Meeting[]> {
    const rows = await unit.query<MeetingRow>(
      sql(`SELECT ${COLUMNS} FROM meetings WHERE (requester_id = $1 OR invitee_id = $1) AND status IN ('requested', 'accepted') ORDER BY id FOR UPDATE`, [
        registrationId,
      ]),
    );
    return rows.map(toMeeting);
  }

  /** A page of the mission's meetings in request order, of one participant and of one status if given. */
  async page(
    unit: UnitOfWork,
    missionId: string,
    filter: { registrationId?: string; status?: MeetingStatus; after: string | null },
    limit: number,
  ): Promise<Meeting[]> {
    const rows = await unit.query<MeetingRow>(
      sql(
        `SELECT ${COLUMNS} FROM meetings
          WHERE mission_id = $1 AND ($3::text IS NULL OR status = $3)
            AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = meetings.id AND a.registration_id = $2))
            AND ($4::bigint IS NULL OR seq > $4)
          ORDER BY meetings.seq LIMIT $5`,
        [missionId, filter.registrationId ?? null, filter.status ?? null, filter.after, limit],
      ),
    );
    return rows.map(toMeeting);
  }

  /** The mission's accepted meetings, in id order: what a run places. */
  async accepted(unit: UnitOfWork, missionId: string): Promise<Meeting[]> {
    const rows = await unit.query<MeetingRow>(sql(`SELECT ${COLUMNS} FROM meetings WHERE mission_id = $1 AND status = 'accepted' ORDER BY id`, [missionId]));
    return rows.map(toMeeting);
  }

  /** The mission's meetings that are accepted or hold a place, locked, in id order: what a run's result is applied to. */
  async lockPlacedOrAccepted(unit: UnitOfWork, missionId: string): Promise<Meeting[]> {
    const rows = await unit.query<MeetingRow>(
      sql(`SELECT ${COLUMNS} FROM meetings WHERE mission_id = $1 AND (slot_id IS NOT NULL OR status = 'accepted') ORDER BY id FOR UPDATE`, [missionId]),
    );
    return rows.map(toMeeting);
  }

  /** The places of many meetings in one statement (a run may move thousands). */
  async place(unit: UnitOfWork, meetings: readonly Meeting[], updatedAt: Date): Promise<void> {
    await unit.query(
      sql(
        `UPDATE meetings m SET block_id = u.block_id, slot_id = u.slot_id, starts_at = u.starts_at, ends_at = u.ends_at, table_number = u.table_number, updated_at = $7
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[]) AS u(id, block_id, slot_id, starts_at, ends_at, table_number)
          WHERE m.id = u.id`,
        [
          meetings.map((meeting) => meeting.id),
          meetings.map((meeting) => meeting.blockId),
          meetings.map((meeting) => meeting.slotId),
          meetings.map((meeting) => meeting.startsAt),
          meetings.map((meeting) => meeting.endsAt),
          meetings.map((meeting) => meeting.tableNumber),
          updatedAt,
        ],
      ),
    );
  }
}

function changeableOf(meeting: Pick<Meeting, 'status' | 'cancelReason' | 'blockId' | 'slotId' | 'startsAt' | 'endsAt' | 'tableNumber' | 'outcome'>): unknown[] {
  return [meeting.status, meeting.cancelReason, meeting.blockId, meeting.slotId, meeting.startsAt, meeting.endsAt, meeting.tableNumber, meeting.outcome];
}

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    seq: row.seq,
    missionId: row.mission_id,
    requesterId: row.requester_id,
    inviteeId: row.invitee_id,
    proposedBy: row.proposed_by,
    priority: row.priority,
    message: row.message,
    status: row.status,
    cancelReason: row.cancel_reason,
    blockId: row.block_id,
    slotId: row.slot_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    tableNumber: row.table_number,
    outcome: row.outcome,
    outcomeNotes: row.outcome_notes,
    mouId: row.mou_id,
    attendees: row.attendees,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
