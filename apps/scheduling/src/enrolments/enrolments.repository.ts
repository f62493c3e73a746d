import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { Enrolment, EnrolmentStatus } from './enrolment.js';

interface EnrolmentRow {
  id: string;
  seq: string;
  session_id: string;
  mission_id: string;
  registration_id: string;
  status: EnrolmentStatus;
  waitlist_order: string | null;
  enrolled_by: string;
  created_at: Date;
  updated_at: Date;
}

/** Big integers as text, as the domain keeps them. */
/** Its text aliases shadow the columns in ORDER BY: order by `enrolments.<column>`, never by the bare name. */
const COLUMNS = `id, seq::text AS seq, session_id, mission_id, registration_id, status, waitlist_order::text AS waitlist_order, enrolled_by, created_at, updated_at`;

export type SeatCounts = { confirmed: number; waitlisted: number };

/** Every query of the enrolments table. */
@Injectable()
export class EnrolmentsRepository {
  /** A new enrolment, confirmed or at the end of the waitlist (its order taken from the sequence); answers it as stored. */
  async insert(unit: UnitOfWork, enrolment: Omit<Enrolment, 'seq' | 'waitlistOrder'>): Promise<Enrolment> {
    const [row] = await unit.query<EnrolmentRow>(
      sql(
        `INSERT INTO enrolments (id, session_id, mission_id, registration_id, status, waitlist_order, enrolled_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $5 = 'waitlisted' THEN nextval('enrolment_waitlist_order') END, $6, $7, $8)
         RETURNING ${COLUMNS}`,
        [
          enrolment.id,
          enrolment.sessionId,
          enrolment.missionId,
          enrolment.registrationId,
          enrolment.status,
          enrolment.enrolledBy,
          enrolment.createdAt,
          enrolment.updatedAt,
        ],
      ),
    );
    return toEnrolment(row!);
  }

  async find(unit: UnitOfWork, id: string, where: { sessionId?: string; missionId?: string } = {}): Promise<Enrolment | null> {
    const [row] = await unit.query<EnrolmentRow>(
      sql(`SELECT ${COLUMNS} FROM enrolments WHERE id = $1 AND ($2::uuid IS NULL OR session_id = $2) AND ($3::uuid IS NULL OR mission_id = $3)`, [
        id,
        where.sessionId ?? null,
        where.missionId ?? null,
      ]),
    );
    return row ? toEnrolment(row) : null;
  }

  /** The participant's enrolment in the session that is not cancelled, if any. */
  async open(unit: UnitOfWork, sessionId: string, registrationId: string): Promise<Enrolment | null> {
    const [row] = await unit.query<EnrolmentRow>(
      sql(`SELECT ${COLUMNS} FROM enrolments WHERE session_id = $1 AND registration_id = $2 AND status <> 'cancelled' LIMIT 1`, [sessionId, registrationId]),
    );
    return row ? toEnrolment(row) : null;
  }

  /** The participant's enrolments that are not cancelled (in every mission), in session id order: the order their sessions are locked in. */
  async openOfParticipant(unit: UnitOfWork, registrationId: string): Promise<Enrolment[]> {
    const rows = await unit.query<EnrolmentRow>(
      sql(`SELECT ${COLUMNS} FROM enrolments WHERE registration_id = $1 AND status <> 'cancelled' ORDER BY session_id`, [registrationId]),
    );
    return rows.map(toEnrolment);
  }

  /** The sessions of the mission the participant holds a seat in or waits for. */
  async sessionIdsOf(unit: UnitOfWork, missionId: string, registrationId: string): Promise<string[]> {
    const rows = await unit.query<{ session_id: string }>(
      sql(`SELECT session_id FROM enrolments WHERE mission_id = $1 AND registration_id = $2 AND status <> 'cancelled'`, [missionId, registrationId]),
    );
    return rows.map((row) => row.session_id);
  }

  /** Confirmed and waitlisted enrolments of many sessions in one statement, by session id. */
  async countsOf(unit: UnitOfWork, sessionIds: readonly string[]): Promise<Map<string, SeatCounts>> {
    const counts = new Map(sessionIds.map((id) => [id, { confirmed: 0, waitlisted: 0 }]));
    if (sessionIds.length === 0) return counts;
    const rows = await unit.query<{ session_id: string; confirmed: number; waitlisted: number }>(
      sql(
        `SELECT session_id, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
           FROM enrolments WHERE session_id = ANY($1::uuid[]) AND status <> 'cancelled' GROUP BY session_id`,
        [sessionIds],
      ),
    );
    for (const row of rows) counts.set(row.session_id, { confirmed: row.confirmed, waitlisted: row.waitlisted });
    return counts;
  }

  /** The place in line (1 for the next) of each waitlisted one of a page of one session's enrolments, in one statement, by enrolment id. */
  async waitlistPositionsOf(unit: UnitOfWork, sessionId: string, enrolments: readonly Enrolment[]): Promise<Map<string, number>> {
    const waiting = enrolments.filter((enrolment) => enrolment.status === 'waitlisted');
    if (waiting.length === 0) return new Map();
    const rows = await unit.query<{ id: string; position: number }>(
      sql(
        `SELECT o.id, (SELECT count(*)::int FROM enrolments w WHERE w.session_id = $1 AND w.status = 'waitlisted' AND w.waitlist_order <= o.waitlist_order) AS position
           FROM unnest($2::uuid[], $3::bigint[]) AS o (id, waitlist_order)`,
        [sessionId, waiting.map((enrolment) => enrolment.id), waiting.map((enrolment) => enrolment.waitlistOrder)],
      ),
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  /** The first `limit` of the session's waitlist, first come first. */
  async nextWaitlisted(unit: UnitOfWork, sessionId: string, limit: number): Promise<Enrolment[]> {
    const rows = await unit.query<EnrolmentRow>(
      sql(`SELECT ${COLUMNS} FROM enrolments WHERE session_id = $1 AND status = 'waitlisted' ORDER BY enrolments.waitlist_order LIMIT $2`, [sessionId, limit]),
    );
    return rows.map(toEnrolment);
  }

  async cancel(unit: UnitOfWork, id: string, updatedAt: Date): Promise<void> {
    await unit.query(sql(`UPDATE enrolments SET status = 'cancelled', updated_at = $2 WHERE id = $1`, [id, updatedAt]));
  }

  /** A waitlisted enrolment gets its seat. */
  async confirm(unit: UnitOfWork, id: string, updatedAt: Date): Promise<void> {
    await unit.query(sql(`UPDATE enrolments SET status = 'confirmed', waitlist_order = NULL, updated_at = $2 WHERE id = $1`, [id, updatedAt]));
  }

  /** A page of the session's enrolments in arrival order. */
  async page(unit: UnitOfWork, sessionId: string, status: EnrolmentStatus | undefined, after: string | null, limit: number): Promise<Enrolment[]> {
    const rows = await unit.query<EnrolmentRow>(
      sql(
        `SELECT ${COLUMNS} FROM enrolments WHERE session_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::bigint IS NULL OR seq > $3)
          ORDER BY enrolments.seq LIMIT $4`,
        [sessionId, status ?? null, after, limit],
      ),
    );
    return rows.map(toEnrolment);
  }

  /** Who holds a seat in the session, and which of `speakers` are participants of the mission still (not erased), each once, in id order. */
  async seatedOrSpeaking(unit: UnitOfWork, session: { id: string; missionId: string }, speakers: readonly string[]): Promise<string[]> {
    const rows = await unit.query<{ registration_id: string }>(
      sql(
        `SELECT registration_id FROM enrolments WHERE session_id = $1 AND status = 'confirmed'
         UNION
         SELECT registration_id FROM participants WHERE registration_id = ANY($2::uuid[]) AND mission_id = $3 AND erased_at IS NULL
         ORDER BY registration_id`,
        [session.id, speakers, session.missionId],
      ),
    );
    return rows.map((row) => row.registration_id);
  }

  /** Everyone enrolled in the session (seated or waiting) and `speakers`, each once. */
  async inSession(unit: UnitOfWork, sessionId: string, speakers: readonly string[]): Promise<string[]> {
    const rows = await unit.query<{ registration_id: string }>(
      sql(`SELECT registration_id FROM enrolments WHERE session_id = $1 AND status <> 'cancelled' UNION SELECT unnest($2::uuid[])`, [sessionId, speakers]),
    );
    return rows.map((row) => row.registration_id);
  }
}

function toEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    seq: row.seq,
    sessionId: row.session_id,
    missionId: row.mission_id,
    registrationId: row.registration_id,
    status: row.status,
    waitlistOrder: row.waitlist_order,
    enrolledBy: row.enrolled_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
