import { createHash, randomBytes } from 'node:crypto';

/** Opaque participant tokens: 32 random bytes, shown once; only their SHA-256 is stored. */
export function issueParticipantToken(): { token: string; hash: string } {
  const token = `mhp_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashParticipantToken(token) };
}

export function hashParticipantToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeParticipantToken(token: string): boolean {
  return token.startsWith('mhp_');
}

/** A service that accepts participant tokens provides this to find whose a token is. */
export interface ParticipantTokenResolver {
  resolve(tokenHash: string): Promise<{ registrationId: string; missionId: string } | null>;
}

export const PARTICIPANT_TOKEN_RESOLVER = Symbol('PARTICIPANT_TOKEN_RESOLVER');
