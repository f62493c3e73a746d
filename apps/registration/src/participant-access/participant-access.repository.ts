import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

/** What participant links need of a registration. */
export interface AccessRow {
  id: string;
  missionId: string;
  tokenHash: string | null;
  linkGeneration: number;
  tokenGeneration: number;
  linkRequestedAt: Date | null;
  erasedAt: Date | null;
}

const columns = `id, mission_id AS "missionId", token_hash AS "tokenHash", link_generation AS "linkGeneration",
                 token_generation AS "tokenGeneration", link_requested_at AS "linkRequestedAt", erased_at AS "erasedAt"`;

/** The SQL of participant links: registrations' generations, token hash and last link request. */
@Injectable()
export class ParticipantAccessRepository {
  /** The registration, locked until the transaction ends (sign-in, revocation). */
  async lock(unit: UnitOfWork, registrationId: string): Promise<AccessRow | null> {
    const [row] = await unit.query<AccessRow>(sql(`SELECT ${columns} FROM registrations WHERE id = $1 FOR NO KEY UPDATE`, [registrationId]));
    return row ?? null;
  }

  /**
   * The mission's latest registration (not erased) of `email`, whatever its status, locked: an address
   * registered again after a cancellation signs in to its current registration.
   */
  async lockLatestByEmail(unit: UnitOfWork, missionId: string, email: string): Promise<AccessRow | null> {
    const [row] = await unit.query<AccessRow>(
      sql(
        `SELECT ${columns} FROM registrations
          WHERE mission_id = $1 AND lower(email) = lower($2) AND erased_at IS NULL
          ORDER BY seq DESC LIMIT 1
            FOR NO KEY UPDATE`,
        [missionId, email],
      ),
    );
    return row ?? null;
  }

  /** A new link generation, asked for at `at`. */
  async newLink(unit: UnitOfWork, registrationId: string, at: Date): Promise<number> {
    const [row] = await unit.query<{ link_generation: number }>(
      sql(`UPDATE registrations SET link_generation = link_generation + 1, link_requested_at = $2 WHERE id = $1 RETURNING link_generation`, [
        registrationId,
        at,
      ]),
    );
    return row!.link_generation;
  }

  /** Every link and the token end: both generations move on, and the new token's hash replaces the old; answers the new link generation. */
  async revoke(unit: UnitOfWork, registrationId: string, token: { generation: number; hash: string }, at: Date): Promise<number> {
    const [row] = await unit.query<{ link_generation: number }>(
      sql(
        `UPDATE registrations SET link_generation = link_generation + 1, token_generation = $2, token_hash = $3, updated_at = $4
          WHERE id = $1 RETURNING link_generation`,
        [registrationId, token.generation, token.hash, at],
      ),
    );
    return row!.link_generation;
  }

  /** The token's hash becomes `tokenHash` (a registration from before derived tokens, at its first sign-in). */
  async replaceTokenHash(unit: UnitOfWork, registrationId: string, tokenHash: string): Promise<void> {
    await unit.query(sql(`UPDATE registrations SET token_hash = $2 WHERE id = $1`, [registrationId, tokenHash]));
  }
}
