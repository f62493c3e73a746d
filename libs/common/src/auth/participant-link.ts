import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/** The only purpose a sign-in link has: it is refused wherever another JWT (an organiser's) is expected, and vice versa. */
export const PARTICIPANT_SIGN_IN = 'participant-sign-in';

const linkClaims = z.object({
  sub: z.uuid(),
  mission: z.uuid(),
  gen: z.number().int().positive(),
  purpose: z.literal(PARTICIPANT_SIGN_IN),
  exp: z.number(),
});

export interface ParticipantLink {
  registrationId: string;
  missionId: string;
  /** The registration's link generation when the link was made; a later one ends it. */
  generation: number;
}

export type LinkCheck = { valid: true; link: ParticipantLink } | { valid: false; why: 'expired' | 'invalid' };

const key = (secret: string) => {
  if (!secret) throw new Error('no participant link secret: only registration and notifications hold it');
  return new TextEncoder().encode(secret);
};

/**
 * A participant's sign-in link (the JWT part of `/p/sign-in?link=…`): HS256 with
 * PARTICIPANT_LINK_SECRET, valid `days` from `issuedAt`. The same inputs give the same link, so a
 * mail sent again after a crash is the same mail.
 */
export function signParticipantLink(secret: string, link: ParticipantLink, issuedAt: Date, days: number): Promise<string> {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  return new SignJWT({ mission: link.missionId, gen: link.generation, purpose: PARTICIPANT_SIGN_IN })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(link.registrationId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + days * 86_400)
    .sign(key(secret));
}

/** Whether a link is one of ours, unexpired, for signing in; whether its generation is still the registration's is the caller's question. */
export async function checkParticipantLink(secret: string, jwt: string, now = new Date()): Promise<LinkCheck> {
  try {
    const { payload } = await jwtVerify(jwt, key(secret), { algorithms: ['HS256'], currentDate: now, requiredClaims: ['exp', 'sub'] });
    const claims = linkClaims.safeParse(payload);
    if (!claims.success) return { valid: false, why: 'invalid' };
    return { valid: true, link: { registrationId: claims.data.sub, missionId: claims.data.mission, generation: claims.data.gen } };
  } catch (error) {
    return { valid: false, why: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
