import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { toRoom, toVenue, type RoomRow, type VenueRow } from '../programme/programme.repository.js';
import type { Room, TransferTime, Venue } from '../programme/venue.js';

/** Venues and transfer times as organisers set them (the programme's reads of them are in ProgrammeRepository). */
@Injectable()
export class VenuesRepository {
  async insert(unit: UnitOfWork, venue: Omit<Venue, 'createdAt'>): Promise<Venue> {
    const [row] = await unit.query<VenueRow>(
      sql(
        `INSERT INTO venues (id, mission_id, name, names, address, city, timezone, latitude, longitude) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9)
         RETURNING *`,
        [venue.id, venue.missionId, venue.name, JSON.stringify(venue.names), venue.address, venue.city, venue.timezone, venue.latitude, venue.longitude],
      ),
    );
    return toVenue(row!);
  }

  /** By city, then by name. */
  async list(unit: UnitOfWork, missionId: string): Promise<Venue[]> {
    const rows = await unit.query<VenueRow>(sql(`SELECT * FROM venues WHERE mission_id = $1 ORDER BY city, name`, [missionId]));
    return rows.map(toVenue);
  }

  /** A new room, or null when the venue has one of that name already (in any case). */
  async insertRoom(unit: UnitOfWork, room: Omit<Room, 'createdAt'>): Promise<Room | null> {
    const [row] = await unit.query<RoomRow>(
      sql(
        `INSERT INTO rooms (id, venue_id, name, names, capacity) VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT (venue_id, lower(name)) DO NOTHING RETURNING *`,
        [room.id, room.venueId, room.name, JSON.stringify(room.names), room.capacity],
      ),
    );
    return row ? toRoom(row) : null;
  }

  /** The rooms of the mission's venues, by name. */
  async rooms(unit: UnitOfWork, missionId: string): Promise<Room[]> {
    const rows = await unit.query<RoomRow>(
      sql(`SELECT r.* FROM rooms r JOIN venues v ON v.id = r.venue_id WHERE v.mission_id = $1 ORDER BY r.name, r.id`, [missionId]),
    );
    return rows.map(toRoom);
  }

  async setTransferTime(unit: UnitOfWork, transfer: TransferTime): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO transfer_times (mission_id, city_a, city_b, minutes) VALUES ($1, $2, $3, $4)
         ON CONFLICT (mission_id, city_a, city_b) DO UPDATE SET minutes = EXCLUDED.minutes`,
        [transfer.missionId, transfer.cityA, transfer.cityB, transfer.minutes],
      ),
    );
  }

  /** By the first city, then by the second. */
  async transferTimes(unit: UnitOfWork, missionId: string): Promise<TransferTime[]> {
    const rows = await unit.query<{ city_a: string; city_b: string; minutes: number }>(
      sql(`SELECT city_a, city_b, minutes FROM transfer_times WHERE mission_id = $1 ORDER BY city_a, city_b`, [missionId]),
    );
    return rows.map((row) => ({ missionId, cityA: row.city_a, cityB: row.city_b, minutes: row.minutes }));
  }
}
