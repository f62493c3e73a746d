import { sql, upsertIfNewer, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

export interface MouMeetingAttendee {
  registrationId: string;
  side: 'requester' | 'invitee';
}

/** A meeting an MoU came from, as scheduling announced it. */
export interface MouMeeting {
  meetingId: string;
  mouId: string | null;
  missionId: string;
  requesterId: string;
  inviteeId: string;
  attendees: MouMeetingAttendee[];
  startsAt: Date | null;
  endsAt: Date | null;
  outcome: string;
}

/** The registry's read model of the meetings that led to MoUs. */
@Injectable()
export class MouMeetingsRepository {
  /** Out-of-order copies never go back in time; a meeting unlinked keeps its row with no MoU. */
  async keep(unit: UnitOfWork, meeting: MouMeeting, asOf: string): Promise<void> {
    await unit.query(
      upsertIfNewer({
        table: 'mou_meetings',
        key: ['meeting_id'],
        values: {
          meeting_id: meeting.meetingId,
          mou_id: meeting.mouId,
          mission_id: meeting.missionId,
          requester_id: meeting.requesterId,
          invitee_id: meeting.inviteeId,
          attendees: JSON.stringify(meeting.attendees),
          starts_at: meeting.startsAt,
          ends_at: meeting.endsAt,
          outcome: meeting.outcome,
          as_of: asOf,
        },
        types: { attendees: 'jsonb' },
        insertOnly: ['mission_id'],
      }),
    );
  }

  /** The MoU's meetings, in time order. */
  async ofMou(unit: UnitOfWork, mouId: string): Promise<MouMeeting[]> {
    const rows = await unit.query<{
      meeting_id: string;
      mou_id: string;
      mission_id: string;
      requester_id: string;
      invitee_id: string;
      attendees: MouMeetingAttendee[];
      starts_at: Date | null;
      ends_at: Date | null;
      outcome: string;
    }>(
      sql(
        `SELECT meeting_id, mou_id, mission_id, requester_id, invitee_id, attendees, starts_at, ends_at, outcome
           FROM mou_meetings WHERE mou_id = $1 ORDER BY starts_at NULLS LAST, meeting_id`,
        [mouId],
      ),
    );
    return rows.map((row) => ({
      meetingId: row.meeting_id,
      mouId: row.mou_id,
      missionId: row.mission_id,
      requesterId: row.requester_id,
      inviteeId: row.invitee_id,
      attendees: row.attendees,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      outcome: row.outcome,
    }));
  }
}
