import { sql, type Statement, type UnitOfWork } from '#common';
import type { RegistrationSnapshot, RegistrationStatus } from '#contracts';
import { Injectable } from '@nestjs/common';

/** A participant as notifications knows them from registration's events. */
export interface DirectoryEntry {
  registrationId: string;
  missionId: string;
  status: RegistrationStatus;
  email: string;
  givenName: string;
  familyName: string;
  jobTitle: string | null;
  preferredLanguage: string;
  timezone: string;
  organisation: RegistrationSnapshot['participant']['organisation'];
  delegation: string | null;
  mission: RegistrationSnapshot['mission'];
}

interface DirectoryRow {
  registration_id: string;
  mission_id: string;
  status: RegistrationStatus;
  email: string;
  given_name: string;
  family_name: string;
  job_title: string | null;
  preferred_language: string;
  timezone: string;
  organisation: DirectoryEntry['organisation'];
  delegation: string | null;
  mission: DirectoryEntry['mission'];
}

/** The participant directory's SQL (`participant_directory`, `missions`), in one place. */
@Injectable()
export class ParticipantsRepository {
  /**
   * Keeps the latest snapshot of a registration; an older one arriving late (a retry) changes nothing,
   * and one arriving after the participant's erasure does not bring them back (the caller holds
   * their erasure lock, so an erasure either committed before this statement began or waits for it).
   * A statement, chained with the queueing of the registration's e-mail (`DeliveriesRepository.deferQueue`).
   */
  keep(snapshot: RegistrationSnapshot): Statement {
    const { participant } = snapshot;
    return sql(
      `INSERT INTO participant_directory (registration_id, mission_id, status, email, given_name, family_name, job_title, preferred_language, timezone,
                                          organisation, delegation, mission, as_of, link_generation)
       SELECT $1::uuid, $2::uuid, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::jsonb, $11::text,
              COALESCE((SELECT mission FROM missions WHERE mission_id = $2::uuid), $12::jsonb), $13::timestamptz, $14::integer
        WHERE NOT EXISTS (SELECT 1 FROM erased_registrations WHERE registration_id = $1::uuid)
       ON CONFLICT (registration_id) DO UPDATE SET
         status = EXCLUDED.status, email = EXCLUDED.email, given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
         job_title = EXCLUDED.job_title, preferred_language = EXCLUDED.preferred_language, timezone = EXCLUDED.timezone,
         organisation = EXCLUDED.organisation, delegation = EXCLUDED.delegation, mission = EXCLUDED.mission, as_of = EXCLUDED.as_of, updated_at = now(),
         link_generation = GREATEST(participant_directory.link_generation, EXCLUDED.link_generation)
       WHERE participant_directory.as_of <= EXCLUDED.as_of`,
      [
        snapshot.registrationId,
        snapshot.missionId,
        snapshot.status,
        participant.email,
        participant.givenName,
        participant.familyName,
        participant.jobTitle,
        participant.preferredLanguage,
        participant.timezone,
        JSON.stringify(participant.organisation),
        participant.delegation,
        JSON.stringify(snapshot.mission),
        snapshot.occurredAt,
        snapshot.linkGeneration ?? 1,
      ],
    );
  }

  /**
   * The registration's link generation is `generation`, unless a later one is known (events out of
   * order); answers the participant as now known, or null when the directory does not know them (yet, or any more).
   */
  async takeLinkGeneration(unit: UnitOfWork, registrationId: string, generation: number): Promise<DirectoryEntry | null> {
    const [row] = await unit.query<DirectoryRow>(
      sql(`UPDATE participant_directory SET link_generation = GREATEST(link_generation, $2), updated_at = now() WHERE registration_id = $1 RETURNING *`, [
        registrationId,
        generation,
      ]),
    );
    return row ? toEntry(row) : null;
  }

  async find(unit: UnitOfWork, registrationIds: readonly string[]): Promise<DirectoryEntry[]> {
    if (registrationIds.length === 0) return [];
    const rows = await unit.query<DirectoryRow>(sql(`SELECT * FROM participant_directory WHERE registration_id = ANY($1::uuid[])`, [registrationIds]));
    return rows.map(toEntry);
  }

  /** Everyone the directory knows of a mission (a broadcast's audience is chosen among them). */
  async ofMission(unit: UnitOfWork, missionId: string): Promise<DirectoryEntry[]> {
    const rows = await unit.query<DirectoryRow>(sql(`SELECT * FROM participant_directory WHERE mission_id = $1`, [missionId]));
    return rows.map(toEntry);
  }

  /**
   * A mission's new title, dates or zone, for the mails of everyone registered to it, unless a later
   * change came first. Kept in `missions` too: a registration snapshot carries the mission as
   * registration knew it, which may be from before the change (`keep` prefers the kept one).
   */
  async describeMission(unit: UnitOfWork, missionId: string, mission: DirectoryEntry['mission'], asOf: string): Promise<void> {
    await unit.query(
      sql(
        `WITH kept AS (
           INSERT INTO missions (mission_id, mission, as_of) VALUES ($1, $2::jsonb, $3)
           ON CONFLICT (mission_id) DO UPDATE SET mission = EXCLUDED.mission, as_of = EXCLUDED.as_of WHERE missions.as_of < EXCLUDED.as_of
           RETURNING 1
         )
         UPDATE participant_directory SET mission = $2::jsonb, updated_at = now() WHERE mission_id = $1 AND EXISTS (SELECT 1 FROM kept)`,
        [missionId, JSON.stringify(mission), asOf],
      ),
    );
  }

  /** Erasure: the directory forgets the person entirely. */
  async forget(unit: UnitOfWork, registrationId: string): Promise<void> {
    await unit.query(sql(`DELETE FROM participant_directory WHERE registration_id = $1`, [registrationId]));
  }
}

function toEntry(row: DirectoryRow): DirectoryEntry {
  return {
    registrationId: row.registration_id,
    missionId: row.mission_id,
    status: row.status,
    email: row.email,
    givenName: row.given_name,
    familyName: row.family_name,
    jobTitle: row.job_title,
    preferredLanguage: row.preferred_language,
    timezone: row.timezone,
    organisation: row.organisation,
    delegation: row.delegation,
    mission: row.mission,
  };
}
