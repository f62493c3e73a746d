import type { Request, Response } from 'express';

/** The participant's access token, as the brief names it: the web entry forwards it as a Bearer token. */
export const TOKEN_COOKIE = 'mh_participant';
/** Whose pages the session opens (`<missionId>.<registrationId>`): not a credential, only where `/p/` leads and which mission a new link is asked of. */
export const REGISTRATION_COOKIE = 'mh_participant_of';

export interface ParticipantSession {
  token: string | null;
  missionId: string | null;
  registrationId: string | null;
}

export function cookiesOf(request: Request): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    try {
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(at + 1).trim()));
    } catch {
      // A value that is not valid percent-encoding is no session of ours.
    }
  }
  return cookies;
}

export function sessionOf(request: Request): ParticipantSession {
  const cookies = cookiesOf(request);
  const [missionId, registrationId] = (cookies.get(REGISTRATION_COOKIE) ?? '').split('.');
  return { token: cookies.get(TOKEN_COOKIE) || null, missionId: missionId || null, registrationId: registrationId || null };
}

function cookieOptions(request: Request) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: request.secure };
}

export function startSession(request: Request, response: Response, session: { accessToken: string; missionId: string; registrationId: string }): void {
  response.cookie(TOKEN_COOKIE, session.accessToken, cookieOptions(request));
  response.cookie(REGISTRATION_COOKIE, `${session.missionId}.${session.registrationId}`, cookieOptions(request));
}

export function endSession(request: Request, response: Response): void {
  response.clearCookie(TOKEN_COOKIE, cookieOptions(request));
  response.clearCookie(REGISTRATION_COOKIE, cookieOptions(request));
}

/**
 * A form post that changes something must come from our own pages: SameSite=Lax already keeps the
 * cookie off another site's posts, and this refuses them outright (Sec-Fetch-Site, else Origin).
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
