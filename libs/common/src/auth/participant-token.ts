import { createHash, createHmac } from 'node:crypto';

/**
 * A participant's access token, derived rather than random: `mhp_` + base64url(HMAC-SHA256(secret,
 * `<registrationId>:<generation>`)). Registration can hand it out again at each sign-in without
 * storing it (it stores its SHA-256 only); a new generation (a revocation) ends the one before.
 * 256 bits no one can compute without the secret, so its hash is a verifier, not a credential.
 */
export function deriveParticipantToken(secret: string, registrationId: string, generation: number): { token: string; hash: string } {
  if (!secret) throw new Error('no participant token secret: only registration derives access tokens');
  const mac = createHmac('sha256', secret).update(`${registrationId}:${generation}`).digest('base64url');
  const token = `mhp_${mac}`;
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
