import type { EntityManager } from 'typeorm';

/**
 * Whether the token an upsert of `participants` brings (EXCLUDED) is newer than the one kept: a later
 * generation, or the same generation from a later event. Events may come out of order (retries).
 */
export const NEWER_TOKEN = `(EXCLUDED.token_generation, EXCLUDED.token_as_of) >= (participants.token_generation, participants.token_as_of)`;

/** Participants' access tokens as scheduling keeps them (their hashes, see ParticipantsTokenResolver). */
export const participantsRepository = {
  /**
   * The participant's access token is now the one of `accessTokenHash`, unless a newer one is kept or
   * they are erased. A participant not seen yet (the event came first) is kept with the token only,
   * as of the beginning of time, so their first snapshot fills in the rest.
   */
  async replaceAccessToken(
    manager: EntityManager,
    token: { registrationId: string; missionId: string; tokenGeneration: number; accessTokenHash: string },
    asOf: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO participants (registration_id, mission_id, status, preferred_language, timezone, token_hash, token_generation, token_as_of, as_of)
       VALUES ($1, $2, 'pending_approval', 'en', 'UTC', $3, $4, $5, '-infinity')
       ON CONFLICT (registration_id) DO UPDATE
         SET token_hash = EXCLUDED.token_hash, token_generation = EXCLUDED.token_generation, token_as_of = EXCLUDED.token_as_of
       WHERE participants.erased_at IS NULL AND ${NEWER_TOKEN}`,
      [token.registrationId, token.missionId, token.accessTokenHash, token.tokenGeneration, asOf],
    );
  },
};
