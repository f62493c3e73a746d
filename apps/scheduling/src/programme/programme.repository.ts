import { sql, type UnitOfWork } from '#common';
import type { SessionKind } from '#contracts';
import { Injectable } from '@nestjs/common';
import { TransferTimes, type TimedSession } from './conflict.rules.js';
import { ancestorsOf } from './nesting.rules.js';
import type { Audience, Route, Session, Speaker, Translations } from './session.js';
import type { Room, Venue } from './venue.js';

export interface SessionRow {
  id: string;
  mission_id: string;
  kind: SessionKind;
  title: string;
  description: string | null;
  starts_at: Date;
  ends_at: Date;
  venue_id: string | null;
  route: Route | null;
  host_event: string | null;
  capacity: number | null;
  parent_session_id: string | null;
  room_id: string | null;
  titles: Translations;
  descriptions: Translations;
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
  names: Translations;
  address: string;
  city: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  created_at: Date;
}

export interface RoomRow {
  id: string;
  venue_id: string;
  name: string;
  names: Translations;
  capacity: number;
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

  /** Each of the mission's sessions' parent (null for one at the top), by id: what the nesting rules walk. */
  async parentsOf(unit: UnitOfWork, missionId: string): Promise<Map<string, string | null>> {
    const rows = await unit.query<{ id: string; parent_session_id: string | null }>(
      sql(`SELECT id, parent_session_id FROM sessions WHERE mission_id = $1`, [missionId]),
    );
    return new Map(rows.map((row) => [row.id, row.parent_session_id]));
  }

  async room(unit: UnitOfWork, roomId: string | null): Promise<Room | null> {
    if (!roomId) return null;
    const [row] = await unit.query<RoomRow>(sql(`SELECT * FROM rooms WHERE id = $1`, [roomId]));
    return row ? toRoom(row) : null;
  }

  /** The rooms of `sessions`, by id. */
  async roomsOf(unit: UnitOfWork, sessions: readonly Pick<Session, 'roomId'>[]): Promise<Map<string, Room>> {
    const ids = [...new Set(sessions.flatMap((session) => (session.roomId ? [session.roomId] : [])))];
    if (ids.length === 0) return new Map();
    const rows = await unit.query<RoomRow>(sql(`SELECT * FROM rooms WHERE id = ANY($1::uuid[])`, [ids]));
    return new Map(rows.map((row) => [row.id, toRoom(row)]));
  }

  /** The sessions of the mission with these ids, by id. */
  async sessionsById(unit: UnitOfWork, missionId: string, ids: readonly string[]): Promise<Map<string, Session>> {
    if (ids.length === 0) return new Map();
    const rows = await unit.query<SessionRow>(sql(`SELECT * FROM sessions WHERE mission_id = $1 AND id = ANY($2::uuid[])`, [missionId, ids]));
    return new Map(rows.map((row) => [row.id, toSession(row)]));
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
    const parents = rows.length > 0 ? await this.parentsOf(unit, missionId) : new Map<string, string | null>();
    for (const row of rows) {
      sessions.get(row.registration_id)?.push({
        ancestors: ancestorsOf(parents.get(row.id) ?? null, parents),
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
    parentSessionId: row.parent_session_id,
    roomId: row.room_id,
    titles: row.titles,
    descriptions: row.descriptions,
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
    names: row.names,
    address: row.address,
    city: row.city,
    timezone: row.timezone,
    latitude: row.latitude,
    longitude: row.longitude,
    createdAt: row.created_at,
  };
}

export function toRoom(row: RoomRow): Room {
  return { id: row.id, venueId: row.venue_id, name: row.name, names: row.names, capacity: row.capacity, createdAt: row.created_at };
}
