import { sql, upsertIfNewer, type Deferred, type UnitOfWork } from '#common';
import type { RegistrationSnapshot, RegistrationStatus } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { Participant } from './participant.js';

interface ParticipantRow {
  registration_id: string;
  mission_id: string;
  status: RegistrationStatus;
  delegation: string | null;
  preferred_language: string;
  timezone: string;
  erased_at: Date | null;
}

/** The token hash is never read back but by the resolver. */
const COLUMNS = `registration_id, mission_id, status, delegation, preferred_language, timezone, erased_at`;

/**
 * Whether the token an upsert of `participants` brings (EXCLUDED) is newer than the one kept: a later
 * generation, or the same generation from a later event. Events may come out of order (retries).
 */
const NEWER_TOKEN = `(EXCLUDED.token_generation, EXCLUDED.token_as_of) >= (participants.token_generation, participants.token_as_of)`;

/** Scheduling's participants, kept from registration's events, and their access tokens (hashes, see ParticipantsTokenResolver). */
@Injectable()
export class ParticipantsRepository {
  /** The participant of the mission; `lock` holds their row until the transaction ends, so that two of their enrolments take turns. */
  async find(unit: UnitOfWork, missionId: string, registrationId: string, options: { lock?: boolean } = {}): Promise<Participant | null> {
    const [row] = await unit.query<ParticipantRow>(
      sql(`SELECT ${COLUMNS} FROM participants WHERE registration_id = $1 AND mission_id = $2${options.lock ? ' FOR UPDATE' : ''}`, [
        registrationId,
        missionId,
      ]),
    );
    return row ? toParticipant(row) : null;
  }

  /** Locks the participant's row (if any) until the transaction ends. */
  async lock(unit: UnitOfWork, registrationId: string): Promise<void> {
    await unit.query(sql(`SELECT 1 FROM participants WHERE registration_id = $1 FOR UPDATE`, [registrationId]));
  }

  /** Of `registrationIds`, those who are confirmed and not erased. */
  async presentOf(unit: UnitOfWork, registrationIds: readonly string[]): Promise<Set<string>> {
    const rows = await unit.query<{ registration_id: string }>(
      sql(`SELECT registration_id FROM participants WHERE registration_id = ANY($1::uuid[]) AND status = 'confirmed' AND erased_at IS NULL`, [registrationIds]),
    );
    return new Set(rows.map((row) => row.registration_id));
  }

  /** Who holds the access token of `tokenHash`, unless erased. */
  async tokenOwner(unit: UnitOfWork, tokenHash: string): Promise<{ registrationId: string; missionId: string } | null> {
    const [row] = await unit.query<{ registration_id: string; mission_id: string }>(
      sql(`SELECT registration_id, mission_id FROM participants WHERE token_hash = $1 AND erased_at IS NULL`, [tokenHash]),
    );
    return row ? { registrationId: row.registration_id, missionId: row.mission_id } : null;
  }

  /**
   * Keeps the registration's participant, going with the unit's next statement. Events may arrive out
   * of order (retries): the copy only moves forward, and an erased one stays erased.
   */
  deferKeep(unit: UnitOfWork, registration: RegistrationSnapshot, asOf: string): Deferred {
    const { participant } = registration;
    return unit.defer(
      upsertIfNewer({
        table: 'participants',
        key: ['registration_id'],
        values: {
          registration_id: registration.registrationId,
          mission_id: registration.missionId,
          status: registration.status,
          delegation: participant.delegation,
          preferred_language: participant.preferredLanguage,
          timezone: participant.timezone,
          token_hash: registration.accessTokenHash ?? null,
          token_generation: registration.tokenGeneration ?? 1,
          token_as_of: asOf,
          as_of: asOf,
        },
        insertOnly: ['mission_id'],
        // The token only moves forward by its own generation, and an erased participant's is gone for good.
        set: {
          token_hash: `CASE WHEN participants.erased_at IS NOT NULL THEN NULL
                            WHEN ${NEWER_TOKEN} THEN coalesce(EXCLUDED.token_hash, participants.token_hash)
                            ELSE participants.token_hash END`,
          token_generation: `CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_generation ELSE participants.token_generation END`,
          token_as_of: `CASE WHEN ${NEWER_TOKEN} THEN EXCLUDED.token_as_of ELSE participants.token_as_of END`,
        },
      }),
      'keeping the participant of a registration event',
    );
  }

  /**
   * The participant's access token is now the one of `accessTokenHash`, unless a newer one is kept or
   * they are erased. A participant not seen yet (the event came first) is kept with the token only,
   * as of the beginning of time, so their first snapshot fills in the rest.
   */
  async replaceAccessToken(
    unit: UnitOfWork,
    token: { registrationId: string; missionId: string; tokenGeneration: number; accessTokenHash: string },
    asOf: string,
  ): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO participants (registration_id, mission_id, status, preferred_language, timezone, token_hash, token_generation, token_as_of, as_of)
         VALUES ($1, $2, 'pending_approval', 'en', 'UTC', $3, $4, $5, '-infinity')
         ON CONFLICT (registration_id) DO UPDATE
           SET token_hash = EXCLUDED.token_hash, token_generation = EXCLUDED.token_generation, token_as_of = EXCLUDED.token_as_of
         WHERE participants.erased_at IS NULL AND ${NEWER_TOKEN}`,
        [token.registrationId, token.missionId, token.accessTokenHash, token.tokenGeneration, asOf],
      ),
    );
  }

  /** The participant is erased; a row not seen yet (events out of order) is created erased, and stays so. */
  async erase(unit: UnitOfWork, erased: { registrationId: string; missionId: string; erasedAt: string }): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO participants (registration_id, mission_id, status, preferred_language, timezone, erased_at, as_of)
         VALUES ($1, $2, 'cancelled', 'en', 'UTC', $3, $3)
         ON CONFLICT (registration_id) DO UPDATE
           SET token_hash = NULL, erased_at = EXCLUDED.erased_at`,
        [erased.registrationId, erased.missionId, erased.erasedAt],
      ),
    );
  }
}

function toParticipant(row: ParticipantRow): Participant {
  return {
    registrationId: row.registration_id,
    missionId: row.mission_id,
    status: row.status,
    delegation: row.delegation,
    preferredLanguage: row.preferred_language,
    timezone: row.timezone,
    erasedAt: row.erased_at,
  };
}
