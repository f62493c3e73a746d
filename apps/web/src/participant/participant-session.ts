import type { Request, Response } from 'express';
import { clearSessionCookie, cookiesOf, setSessionCookie } from '../kit/cookies.js';
import { PARTICIPANT_COOKIE } from '../gateway/origin-policy.js';

/** Whose pages the session opens (`<missionId>.<registrationId>`): not a credential, only where `/p/` leads and which mission a new link is asked of. */
export const PARTICIPANT_OF_COOKIE = 'mh_participant_of';

export interface ParticipantSession {
  token: string | null;
  missionId: string | null;
  registrationId: string | null;
}

export function sessionOf(request: Request): ParticipantSession {
  const cookies = cookiesOf(request);
  const [missionId, registrationId] = (cookies[PARTICIPANT_OF_COOKIE] ?? '').split('.');
  return { token: cookies[PARTICIPANT_COOKIE] || null, missionId: missionId || null, registrationId: registrationId || null };
}

export function startSession(request: Request, response: Response, session: { accessToken: string; missionId: string; registrationId: string }): void {
  setSessionCookie(request, response, PARTICIPANT_COOKIE, session.accessToken);
  setSessionCookie(request, response, PARTICIPANT_OF_COOKIE, `${session.missionId}.${session.registrationId}`);
}

export function endSession(request: Request, response: Response): void {
  clearSessionCookie(request, response, PARTICIPANT_COOKIE);
  clearSessionCookie(request, response, PARTICIPANT_OF_COOKIE);
}

/**
 * A form post that changes something must come from our own pages: SameSite=Lax already keeps the
 * cookie off another site's posts, and this refuses them outright (Sec-Fetch-Site, else Origin).
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
