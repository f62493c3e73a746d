import { sql, upsertIfNewer, type Statement, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

/** A registration's state as its latest event tells it. */
export interface RegistrationState {
  registrationId: string;
  missionId: string;
  status: string;
  delegation: string | null;
  /** Absent from events older than delegations. */
  delegationId: string | null;
  country: string | null;
  asOf: string;
}

/** A delegation as `delegation.saved` tells it. */
export interface DelegationState {
  delegationId: string;
  missionId: string;
  name: string;
  parentId: string | null;
  precedence: number;
  asOf: string;
}

export interface SessionState {
  sessionId: string;
  missionId: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  cancelled: boolean;
  asOf: string;
}

export interface EnrolmentState {
  enrolmentId: string;
  sessionId: string;
  missionId: string;
  status: string;
  asOf: string;
}

export interface MeetingState {
  meetingId: string;
  missionId: string;
  status: string;
  scheduled: boolean;
  outcome: string | null;
  asOf: string;
}

interface SessionRow {
  session_id: string;
  kind: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number | null;
  cancelled: boolean;
}

/** The counters of a mission, grouped as the summary reads them. */
export interface MissionCounts {
  registrations: { status: string; delegation: string | null; delegationId: string | null; country: string | null; count: number }[];
  /** The mission's delegations (not removed), in order of precedence. */
  delegations: { delegationId: string; name: string; parentId: string | null }[];
  checkedIn: number;
  sessions: { sessionId: string; kind: string; title: string; startsAt: string; endsAt: string; capacity: number | null; cancelled: boolean }[];
  enrolments: { sessionId: string; status: string; count: number }[];
  mous: { status: string; count: number }[];
  notifications: { outcome: string; count: number }[];
  meetings: { status: string; scheduled: boolean; outcome: string | null; count: number }[];
  broadcasts: BroadcastFigures[];
}

/** A broadcast's delivery figures as the dashboard counts them from the events (`failed` leaves out the bounced). */
export interface BroadcastFigures {
  broadcastId: string;
  subject: string | null;
  releasedAt: string | null;
  queued: number | null;
  sent: number;
  failed: number;
  bounced: number;
}

/**
 * Every statement of the counters' tables. The writes are answered as statements, for the event
 * log's transaction to send with its own (each only if newer than the row: events come out of order).
 */
@Injectable()
export class CountersRepository {
  keepRegistration(state: RegistrationState): Statement {
    return upsertIfNewer({
      table: 'registrations',
      key: ['registration_id'],
      values: {
        registration_id: state.registrationId,
        mission_id: state.missionId,
        status: state.status,
        delegation: state.delegation,
        delegation_id: state.delegationId,
        country: state.country,
        as_of: state.asOf,
      },
      insertOnly: ['mission_id'],
    });
  }

  keepDelegation(state: DelegationState): Statement {
    return upsertIfNewer({
      table: 'delegations',
      key: ['delegation_id'],
      values: {
        delegation_id: state.delegationId,
        mission_id: state.missionId,
        name: state.name,
        parent_id: state.parentId,
        precedence: state.precedence,
        removed: false,
        as_of: state.asOf,
      },
      insertOnly: ['mission_id'],
      // A removed delegation stays removed, whatever older news of it arrives later.
      andWhere: 'NOT delegations.removed',
    });
  }

  keepDelegationRemoved(state: { delegationId: string; missionId: string; asOf: string }): Statement {
    return upsertIfNewer({
      table: 'delegations',
      key: ['delegation_id'],
      values: { delegation_id: state.delegationId, mission_id: state.missionId, removed: true, as_of: state.asOf },
      insertOnly: ['mission_id'],
    });
  }

  /** A check-in may overtake the confirmation it follows: the row it makes is left out of the counts until that confirmation fills it in. */
  keepCheckIn(checkIn: { registrationId: string; missionId: string; checkedInAt: string }): Statement {
    return sql(
      `INSERT INTO registrations (registration_id, mission_id, status, checked_in_at, as_of) VALUES ($1, $2, 'confirmed', $3, '-infinity')
       ON CONFLICT (registration_id) DO UPDATE SET checked_in_at = excluded.checked_in_at`,
      [checkIn.registrationId, checkIn.missionId, checkIn.checkedInAt],
    );
  }

  keepSession(state: SessionState): Statement {
    return upsertIfNewer({
      table: 'sessions',
      key: ['session_id'],
      values: {
        session_id: state.sessionId,
        mission_id: state.missionId,
        kind: state.kind,
        title: state.title,
        starts_at: state.startsAt,
        ends_at: state.endsAt,
        capacity: state.capacity,
        cancelled: state.cancelled,
        as_of: state.asOf,
      },
      insertOnly: ['mission_id'],
    });
  }

  keepEnrolment(state: EnrolmentState): Statement {
    return upsertIfNewer({
      table: 'enrolments',
      key: ['enrolment_id'],
      values: { enrolment_id: state.enrolmentId, session_id: state.sessionId, mission_id: state.missionId, status: state.status, as_of: state.asOf },
      insertOnly: ['session_id', 'mission_id'],
    });
  }

  keepMou(state: { mouId: string; missionId: string | null; status: string; asOf: string }): Statement {
    return upsertIfNewer({
      table: 'mous',
      key: ['mou_id'],
      values: { mou_id: state.mouId, mission_id: state.missionId, status: state.status, as_of: state.asOf },
    });
  }

  /** One outcome per notification: the first one stays. */
  keepNotificationOutcome(outcome: {
    notificationId: string;
    missionId: string;
    outcome: 'sent' | 'failed';
    at: string;
    broadcastId: string | null;
    bounced: boolean;
  }): Statement {
    return sql(
      `INSERT INTO notification_outcomes (notification_id, mission_id, outcome, at, broadcast_id, bounced) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (notification_id) DO NOTHING`,
      [outcome.notificationId, outcome.missionId, outcome.outcome, outcome.at, outcome.broadcastId, outcome.bounced],
    );
  }

  /** A broadcast went: its subject and how many e-mails it queued (its figures are its notifications' outcomes). */
  keepBroadcast(released: { broadcastId: string; missionId: string; subject: string; queued: number; releasedAt: string }): Statement {
    return sql(
      `INSERT INTO broadcasts (broadcast_id, mission_id, subject, queued, released_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (broadcast_id) DO NOTHING`,
      [released.broadcastId, released.missionId, released.subject, released.queued, released.releasedAt],
    );
  }

  keepMeeting(state: MeetingState): Statement {
    return upsertIfNewer({
      table: 'meetings',
      key: ['meeting_id'],
      values: {
        meeting_id: state.meetingId,
        mission_id: state.missionId,
        status: state.status,
        scheduled: state.scheduled,
        outcome: state.outcome,
        as_of: state.asOf,
      },
      insertOnly: ['mission_id'],
    });
  }

  async counts(unit: UnitOfWork, missionId: string): Promise<MissionCounts> {
    const registrations = await unit.query<MissionCounts['registrations'][number]>(
      // A row made by a check-in that overtook its registration's events is not counted until they arrive.
      sql(
        `SELECT status, delegation, delegation_id AS "delegationId", country, count(*)::int AS count FROM registrations
          WHERE mission_id = $1 AND as_of > '-infinity' GROUP BY status, delegation, delegation_id, country`,
        [missionId],
      ),
    );
    const delegations = await unit.query<MissionCounts['delegations'][number]>(
      sql(
        `SELECT delegation_id AS "delegationId", name, parent_id AS "parentId" FROM delegations
          WHERE mission_id = $1 AND NOT removed ORDER BY precedence, name`,
        [missionId],
      ),
    );
    const [{ checked_in: checkedIn }] = (await unit.query<{ checked_in: number }>(
      sql(`SELECT count(*)::int AS checked_in FROM registrations WHERE mission_id = $1 AND checked_in_at IS NOT NULL AND status = 'confirmed'`, [missionId]),
    )) as [{ checked_in: number }];
    const sessions = await unit.query<SessionRow>(
      sql(`SELECT session_id, kind, title, starts_at, ends_at, capacity, cancelled FROM sessions WHERE mission_id = $1 ORDER BY starts_at, session_id`, [
        missionId,
      ]),
    );
    const enrolments = await unit.query<{ session_id: string; status: string; count: number }>(
      sql(`SELECT session_id, status, count(*)::int AS count FROM enrolments WHERE mission_id = $1 GROUP BY session_id, status`, [missionId]),
    );
    const mous = await unit.query<{ status: string; count: number }>(
      sql(`SELECT status, count(*)::int AS count FROM mous WHERE mission_id = $1 GROUP BY status`, [missionId]),
    );
    const notifications = await unit.query<{ outcome: string; count: number }>(
      sql(`SELECT outcome, count(*)::int AS count FROM notification_outcomes WHERE mission_id = $1 GROUP BY outcome`, [missionId]),
    );
    const meetings = await unit.query<{ status: string; scheduled: boolean; outcome: string | null; count: number }>(
      sql(`SELECT status, scheduled, outcome, count(*)::int AS count FROM meetings WHERE mission_id = $1 GROUP BY status, scheduled, outcome`, [missionId]),
    );
    // Outcomes may come before their broadcast's release is stored (events out of order): both sides count.
    const broadcasts = await unit.query<{
      broadcast_id: string;
      subject: string | null;
      released_at: Date | null;
      queued: number | null;
      sent: number;
      failed: number;
      bounced: number;
    }>(
      sql(
        `WITH outcomes AS (
           SELECT broadcast_id, count(*) FILTER (WHERE outcome = 'sent')::int AS sent,
                  count(*) FILTER (WHERE outcome = 'failed' AND NOT bounced)::int AS failed,
                  count(*) FILTER (WHERE outcome = 'failed' AND bounced)::int AS bounced
             FROM notification_outcomes WHERE mission_id = $1 AND broadcast_id IS NOT NULL GROUP BY broadcast_id
         )
         SELECT coalesce(b.broadcast_id, o.broadcast_id) AS broadcast_id, b.subject, b.released_at, b.queued,
                coalesce(o.sent, 0) AS sent, coalesce(o.failed, 0) AS failed, coalesce(o.bounced, 0) AS bounced
           FROM (SELECT * FROM broadcasts WHERE mission_id = $1) b FULL JOIN outcomes o ON o.broadcast_id = b.broadcast_id
          ORDER BY b.released_at DESC NULLS FIRST, 1 LIMIT 50`,
        [missionId],
      ),
    );
    return {
      broadcasts: broadcasts.map((row) => ({
        broadcastId: row.broadcast_id,
        subject: row.subject,
        releasedAt: row.released_at?.toISOString() ?? null,
        queued: row.queued,
        sent: row.sent,
        failed: row.failed,
        bounced: row.bounced,
      })),
      registrations,
      delegations,
      checkedIn,
      sessions: sessions.map((row) => ({
        sessionId: row.session_id,
        kind: row.kind,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        capacity: row.capacity,
        cancelled: row.cancelled,
      })),
      enrolments: enrolments.map((row) => ({ sessionId: row.session_id, status: row.status, count: row.count })),
      mous,
      notifications,
      meetings,
    };
  }
}
