import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { toVenue, type VenueRow } from '../programme/programme.repository.js';
import type { TransferTime, Venue } from '../programme/venue.js';

/** Venues and transfer times as organisers set them (the programme's reads of them are in ProgrammeRepository). */
@Injectable()
export class VenuesRepository {
  async insert(unit: UnitOfWork, venue: Omit<Venue, 'createdAt'>): Promise<Venue> {
    const [row] = await unit.query<VenueRow>(
      sql(`INSERT INTO venues (id, mission_id, name, address, city, timezone, latitude, longitude) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`, [
        venue.id,
        venue.missionId,
        venue.name,
        venue.address,
        venue.city,
        venue.timezone,
        venue.latitude,
        venue.longitude,
      ]),
    );
    return toVenue(row!);
  }

  /** By city, then by name. */
  async list(unit: UnitOfWork, missionId: string): Promise<Venue[]> {
    const rows = await unit.query<VenueRow>(sql(`SELECT * FROM venues WHERE mission_id = $1 ORDER BY city, name`, [missionId]));
    return rows.map(toVenue);
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
