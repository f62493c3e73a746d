import { sql, type UnitOfWork } from '#common';
import type { SessionKind } from '#contracts';
import { Injectable } from '@nestjs/common';
import { TransferTimes, type TimedSession } from './conflict.rules.js';
import type { Audience, Session, Speaker } from './session.js';
import type { Venue } from './venue.js';

export interface SessionRow {
  id: string;
  mission_id: string;
  kind: SessionKind;
  title: string;
  description: string | null;
  starts_at: Date;
  ends_at: Date;
  venue_id: string | null;
  route: { from: string; to: string } | null;
  host_event: string | null;
  capacity: number | null;
  languages: string[];
  interpretation: { from: string; to: string }[];
  audience: Audience;
  speakers: Speaker[];
  status: 'active' | 'cancelled';
  cancellation_reason: string | null;
  released_at: Date | null;
  sequence: number;
  created_at: Date;
  updated_at: Date;
}

export interface VenueRow {
  id: string;
  mission_id: string;
  name: string;
  address: string;
  city: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
}

/** A session row as the conflict rules need it: its venue's city, or a transfer's route. */
interface TimedSessionRow {
  registration_id: string;
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  route: { from: string; to: string } | null;
  city: string | null;
}

/**
 * The programme's shared reads (sessions, venues, transfer times) that sessions, enrolments, venues,
 * releases, agendas and runs all need; each feature's own writes are in its repository.
 */
@Injectable()
export class ProgrammeRepository {
  async session(unit: UnitOfWork, missionId: string, sessionId: string): Promise<Session | null> {
    const [row] = await unit.query<SessionRow>(sql(`SELECT * FROM sessions WHERE id = $1 AND mission_id = $2`, [sessionId, missionId]));
    return row ? toSession(row) : null;
  }

  /** The session, its row locked until the transaction ends: whoever gives or frees its seats takes turns. */
  async lockSession(unit: UnitOfWork, sessionId: string): Promise<Session | null> {
    const [row] = await unit.query<SessionRow>(sql(`SELECT * FROM sessions WHERE id = $1 FOR UPDATE`, [sessionId]));
    return row ? toSession(row) : null;
  }

  async venue(unit: UnitOfWork, venueId: string | null): Promise<Venue | null> {
    if (!venueId) return null;
    const [row] = await unit.query<VenueRow>(sql(`SELECT * FROM venues WHERE id = $1`, [venueId]));
    return row ? toVenue(row) : null;
  }

  /** The venues of `sessions`, by id. */
  async venuesOf(unit: UnitOfWork, sessions: readonly Pick<Session, 'venueId'>[]): Promise<Map<string, Venue>> {
    const ids = [...new Set(sessions.flatMap((session) => (session.venueId ? [session.venueId] : [])))];
    if (ids.length === 0) return new Map();
    const rows = await unit.query<VenueRow>(sql(`SELECT * FROM venues WHERE id = ANY($1::uuid[])`, [ids]));
    return new Map(rows.map((row) => [row.id, toVenue(row)]));
  }

  async transferTimes(unit: UnitOfWork, missionId: string): Promise<TransferTimes> {
    const rows = await unit.query<{ city_a: string; city_b: string; minutes: number }>(
      sql(`SELECT city_a, city_b, minutes FROM transfer_times WHERE mission_id = $1`, [missionId]),
    );
    return new TransferTimes(rows.map((row) => ({ cityA: row.city_a, cityB: row.city_b, minutes: row.minutes })));
  }

  /** The running sessions a participant is in (enrolled, waitlisted or speaking), as the conflict rules see them. */
  async sessionsOfParticipant(unit: UnitOfWork, missionId: string, registrationId: string): Promise<TimedSession[]> {
    return (await this.sessionsOfParticipants(unit, missionId, [registrationId])).get(registrationId) ?? [];
  }

  /**
   * `sessionsOfParticipant` for many participants in one statement, by registration id (each one given is in the map).
   * A matchmaking run leaves the B2B meeting blocks out: its meetings take place in them, so being in a block
   * does not keep anyone from its slots.
   */
  async sessionsOfParticipants(
    unit: UnitOfWork,
    missionId: string,
    registrationIds: readonly string[],
    options: { withoutMeetingBlocks?: boolean } = {},
  ): Promise<Map<string, TimedSession[]>> {
    const sessions = new Map<string, TimedSession[]>(registrationIds.map((id) => [id, []]));
    if (registrationIds.length === 0) return sessions;
    // Enrolments by participant (their index), speakers by one pass over the mission's sessions: no per-pair subquery.
    const rows = await unit.query<TimedSessionRow>(
      sql(
        `SELECT e.registration_id, s.id, s.title, s.starts_at, s.ends_at, s.route, v.city
           FROM enrolments e JOIN sessions s ON s.id = e.session_id LEFT JOIN venues v ON v.id = s.venue_id
          WHERE e.registration_id = ANY($2::uuid[]) AND e.status <> 'cancelled' AND s.mission_id = $1 AND s.status = 'active'
            AND NOT ($3::boolean AND s.kind = 'b2b_meeting_block')
         UNION
         SELECT (speaker ->> 'registrationId')::uuid, s.id, s.title, s.starts_at, s.ends_at, s.route, v.city
           FROM sessions s CROSS JOIN LATERAL jsonb_array_elements(s.speakers) AS speaker LEFT JOIN venues v ON v.id = s.venue_id
          WHERE s.mission_id = $1 AND s.status = 'active' AND (speaker ->> 'registrationId')::uuid = ANY($2::uuid[])
            AND NOT ($3::boolean AND s.kind = 'b2b_meeting_block')`,
        [missionId, registrationIds, options.withoutMeetingBlocks ?? false],
      ),
    );
    for (const row of rows) {
      sessions.get(row.registration_id)?.push({
        sessionId: row.id,
        title: row.title,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        startCity: row.route?.from ?? row.city,
        endCity: row.route?.to ?? row.city,
      });
    }
    return sessions;
  }
}

export function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    missionId: row.mission_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venueId: row.venue_id,
    route: row.route,
    hostEvent: row.host_event,
    capacity: row.capacity,
    languages: row.languages,
    interpretation: row.interpretation,
    audience: row.audience,
    speakers: row.speakers,
    status: row.status,
    cancellationReason: row.cancellation_reason,
    releasedAt: row.released_at,
    sequence: row.sequence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVenue(row: VenueRow): Venue {
  return {
    id: row.id,
    missionId: row.mission_id,
    name: row.name,
    address: row.address,
    city: row.city,
    timezone: row.timezone,
    latitude: row.latitude,
    longitude: row.longitude,
    createdAt: row.created_at,
  };
}
