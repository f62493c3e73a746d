import { assertOrganiserOrSelf, Problem, type Caller } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ParticipantEntity } from '../../participants/participant.entity.js';
import { localIso } from '../../sessions/local-time.js';
import type { PublicTimetableEntry, Timetable } from './timetable.view.js';

export type { PublicTimetableEntry } from './timetable.view.js';

/** A meeting of the timetable, with what calendars need besides. */
export type TimetableEntry = PublicTimetableEntry & {
  /** For calendars (iCalendar SEQUENCE): seconds from the request to the meeting's last change. */
  sequence: number;
  updatedAt: Date;
};

interface Row {
  id: string;
  requester_id: string;
  invitee_id: string;
  starts_at: Date;
  ends_at: Date;
  table_number: number;
  block_id: string;
  outcome: 'held' | 'no_show' | null;
  created_at: Date;
  updated_at: Date;
  venue_name: string | null;
  city: string | null;
  venue_timezone: string | null;
}

/** A participant's meetings as the last run announced them, in time order. */
export async function meetingTimetableOf(manager: EntityManager, missionId: string, registrationId: string, timezone: string): Promise<TimetableEntry[]> {
  const rows: Row[] = await manager.query(
    `SELECT m.id, m.requester_id, m.invitee_id, m.starts_at, m.ends_at, m.table_number, m.block_id, m.outcome, m.created_at, m.updated_at,
            v.name AS venue_name, v.city, v.timezone AS venue_timezone
       FROM meetings m LEFT JOIN sessions s ON s.id = m.block_id LEFT JOIN venues v ON v.id = s.venue_id
      WHERE m.mission_id = $1 AND m.status = 'accepted' AND m.slot_id IS NOT NULL AND (m.requester_id = $2 OR m.invitee_id = $2)
      ORDER BY m.starts_at, m.table_number`,
    [missionId, registrationId],
  );
  const wallClock = (row: Row, zone: string) => ({ timezone: zone, startsAt: localIso(row.starts_at, zone), endsAt: localIso(row.ends_at, zone) });
  return rows.map((row) => ({
    meetingId: row.id,
    counterpartId: row.requester_id === registrationId ? row.invitee_id : row.requester_id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    participantTime: wallClock(row, timezone),
    venueTime: row.venue_timezone ? wallClock(row, row.venue_timezone) : null,
    table: row.table_number,
    blockId: row.block_id,
    venue: row.venue_name ? { name: row.venue_name, city: row.city!, timezone: row.venue_timezone! } : null,
    outcome: row.outcome,
    sequence: Math.floor((row.updated_at.getTime() - row.created_at.getTime()) / 1000),
    updatedAt: row.updated_at,
  }));
}

/** An entry as the JSON shows it (the calendar's bookkeeping left out). */
export function publicEntry({ sequence: _, updatedAt: __, ...entry }: TimetableEntry): PublicTimetableEntry {
  return entry;
}

@Injectable()
export class TimetablesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The participant's own token or an organiser of the mission; anyone else is refused before anything is read. */
  async timetable(caller: Caller, missionId: string, registrationId: string): Promise<Timetable> {
    assertOrganiserOrSelf(caller, missionId, registrationId);
    const participant = await this.dataSource.manager.findOneBy(ParticipantEntity, { registrationId, missionId });
    if (!participant) throw Problem.notFound('Participant', registrationId);
    const items = await meetingTimetableOf(this.dataSource.manager, missionId, registrationId, participant.timezone);
    return { missionId, registrationId, timezone: participant.timezone, items: items.map(publicEntry) };
  }
}
