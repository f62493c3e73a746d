import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { toSession, toVenue, type SessionRow, type VenueRow } from '../programme/programme.repository.js';
import type { Session } from '../programme/session.js';
import type { Venue } from '../programme/venue.js';

/** The sessions table as organisers edit and release it (the programme's shared reads are in ProgrammeRepository). */
@Injectable()
export class SessionsRepository {
  async insert(unit: UnitOfWork, session: Session): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO sessions (id, mission_id, kind, title, description, starts_at, ends_at, venue_id, route, host_event, capacity, languages, interpretation,
                               audience, speakers, status, cancellation_reason, released_at, sequence, parent_session_id, room_id, titles, descriptions, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13::jsonb, $14::jsonb, $15::jsonb, $16, $17, $18, $19, $20, $21, $22::jsonb, $23::jsonb,
                 $24, $25)`,
        [session.id, session.missionId, ...fieldsOf(session), session.createdAt, session.updatedAt],
      ),
    );
  }

  /** Writes every field of the session as it is now. */
  async update(unit: UnitOfWork, session: Session): Promise<void> {
    await unit.query(
      sql(
        `UPDATE sessions SET kind = $2, title = $3, description = $4, starts_at = $5, ends_at = $6, venue_id = $7, route = $8::jsonb, host_event = $9,
                capacity = $10, languages = $11, interpretation = $12::jsonb, audience = $13::jsonb, speakers = $14::jsonb, status = $15,
                cancellation_reason = $16, released_at = $17, sequence = $18, parent_session_id = $19, room_id = $20, titles = $21::jsonb,
                descriptions = $22::jsonb, updated_at = $23
          WHERE id = $1`,
        [session.id, ...fieldsOf(session), session.updatedAt],
      ),
    );
  }

  async delete(unit: UnitOfWork, sessionId: string): Promise<void> {
    await unit.query(sql(`DELETE FROM sessions WHERE id = $1`, [sessionId]));
  }

  /** The session of the mission, locked until the transaction ends. */
  async lock(unit: UnitOfWork, missionId: string, sessionId: string): Promise<Session | null> {
    const [row] = await unit.query<SessionRow>(sql(`SELECT * FROM sessions WHERE id = $1 AND mission_id = $2 FOR UPDATE`, [sessionId, missionId]));
    return row ? toSession(row) : null;
  }

  /** The venue of the mission, locked until the transaction ends: two bookings of it take turns. */
  async lockVenue(unit: UnitOfWork, missionId: string, venueId: string): Promise<Venue | null> {
    const [row] = await unit.query<VenueRow>(sql(`SELECT * FROM venues WHERE id = $1 AND mission_id = $2 FOR UPDATE`, [venueId, missionId]));
    return row ? toVenue(row) : null;
  }

  /** The running sessions at the venue between the two instants, but `except`, earliest first. */
  async bookedAt(unit: UnitOfWork, venueId: string, startsAt: Date, endsAt: Date, except: string | null): Promise<Session[]> {
    const rows = await unit.query<SessionRow>(
      sql(
        `SELECT * FROM sessions WHERE venue_id = $1 AND status = 'active' AND starts_at < $3 AND ends_at > $2 AND ($4::uuid IS NULL OR id <> $4)
          ORDER BY starts_at`,
        [venueId, startsAt, endsAt, except],
      ),
    );
    return rows.map(toSession);
  }

  /** The sessions that `parentSessionId` holds directly, cancelled ones included, locked, in id order (the order every lock of several sessions takes). */
  async lockChildren(unit: UnitOfWork, parentSessionId: string): Promise<Session[]> {
    const rows = await unit.query<SessionRow>(sql(`SELECT * FROM sessions WHERE parent_session_id = $1 ORDER BY id FOR UPDATE`, [parentSessionId]));
    return rows.map(toSession);
  }

  /** Up to `limit` of the mission's sessions after `after`, in time order (then by id). */
  async page(unit: UnitOfWork, missionId: string, after: { startsAt: Date; id: string } | null, limit: number): Promise<Session[]> {
    const rows = await unit.query<SessionRow>(
      sql(
        `SELECT * FROM sessions WHERE mission_id = $1 AND ($2::timestamptz IS NULL OR (starts_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY starts_at, id LIMIT $4`,
        [missionId, after?.startsAt ?? null, after?.id ?? null, limit],
      ),
    );
    return rows.map(toSession);
  }

  /** Every session of the mission, locked, in id order: the order every transaction that locks several sessions takes them in. */
  async lockAll(unit: UnitOfWork, missionId: string): Promise<Session[]> {
    const rows = await unit.query<SessionRow>(sql(`SELECT * FROM sessions WHERE mission_id = $1 ORDER BY id FOR UPDATE`, [missionId]));
    return rows.map(toSession);
  }

  async markReleased(unit: UnitOfWork, sessionIds: readonly string[], releasedAt: Date): Promise<void> {
    await unit.query(sql(`UPDATE sessions SET released_at = $2 WHERE id = ANY($1::uuid[])`, [sessionIds, releasedAt]));
  }

  /** Who each of the mission's sessions is for, by id. */
  async audiencesOf(unit: UnitOfWork, missionId: string): Promise<Map<string, Pick<Session, 'id' | 'audience' | 'speakers'>>> {
    const rows = await unit.query<Pick<SessionRow, 'id' | 'audience' | 'speakers'>>(
      sql(`SELECT id, audience, speakers FROM sessions WHERE mission_id = $1`, [missionId]),
    );
    return new Map(rows.map((row) => [row.id, { id: row.id, audience: row.audience, speakers: row.speakers }]));
  }

  /** The mission's released sessions. */
  async released(unit: UnitOfWork, missionId: string): Promise<Session[]> {
    const rows = await unit.query<SessionRow>(sql(`SELECT * FROM sessions WHERE mission_id = $1 AND released_at IS NOT NULL`, [missionId]));
    return rows.map(toSession);
  }
}

function fieldsOf(session: Session): unknown[] {
  return [
    session.kind,
    session.title,
    session.description,
    session.startsAt,
    session.endsAt,
    session.venueId,
    session.route === null ? null : JSON.stringify(session.route),
    session.hostEvent,
    session.capacity,
    session.languages,
    JSON.stringify(session.interpretation),
    JSON.stringify(session.audience),
    JSON.stringify(session.speakers),
    session.status,
    session.cancellationReason,
    session.releasedAt,
    session.sequence,
    session.parentSessionId,
    session.roomId,
    JSON.stringify(session.titles),
    JSON.stringify(session.descriptions),
  ];
}
