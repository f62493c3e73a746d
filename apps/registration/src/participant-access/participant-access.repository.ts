import type { EntityManager } from 'typeorm';

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

/** The SQL of participant links, in one place: registrations' generations, token hash and last link request. */
export const participantAccessRepository = {
  /** The registration, locked until the transaction ends (sign-in, revocation). */
  async lock(manager: EntityManager, registrationId: string): Promise<AccessRow | null> {
    const [row]: AccessRow[] = await manager.query(`SELECT ${columns} FROM registrations WHERE id = $1 FOR NO KEY UPDATE`, [registrationId]);
    return row ?? null;
  },

  /**
   * The mission's latest registration (not erased) of `email`, whatever its status, locked: an address
   * registered again after a cancellation signs in to its current registration.
   */
  async lockLatestByEmail(manager: EntityManager, missionId: string, email: string): Promise<AccessRow | null> {
    const [row]: AccessRow[] = await manager.query(
      `SELECT ${columns} FROM registrations
        WHERE mission_id = $1 AND lower(email) = lower($2) AND erased_at IS NULL
        ORDER BY seq DESC LIMIT 1
          FOR NO KEY UPDATE`,
      [missionId, email],
    );
    return row ?? null;
  },

  async missionExists(manager: EntityManager, missionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM missions WHERE id = $1`, [missionId]);
    return rows.length > 0;
  },

  /** A new link generation, asked for at `at`. */
  async newLink(manager: EntityManager, registrationId: string, at: Date): Promise<number> {
    // An UPDATE answers [rows, count].
    const [[row]]: [{ link_generation: number }[], number] = await manager.query(
      `UPDATE registrations SET link_generation = link_generation + 1, link_requested_at = $2 WHERE id = $1 RETURNING link_generation`,
      [registrationId, at],
    );
    return row!.link_generation;
  },

  /** Every link and the token end: both generations move on, and the new token's hash replaces the old; answers the new link generation. */
  async revoke(manager: EntityManager, registrationId: string, token: { generation: number; hash: string }, at: Date): Promise<number> {
    const [[row]]: [{ link_generation: number }[], number] = await manager.query(
      `UPDATE registrations SET link_generation = link_generation + 1, token_generation = $2, token_hash = $3, updated_at = $4
        WHERE id = $1 RETURNING link_generation`,
      [registrationId, token.generation, token.hash, at],
    );
    return row!.link_generation;
  },

  /** The token's hash becomes `tokenHash` (a registration from before derived tokens, at its first sign-in). */
  async replaceTokenHash(manager: EntityManager, registrationId: string, tokenHash: string): Promise<void> {
    await manager.query(`UPDATE registrations SET token_hash = $2 WHERE id = $1`, [registrationId, tokenHash]);
  },
};
