import type { IncomingHttpHeaders } from 'node:http';

/** Where a request to the web entry came from, as far as its session cookies are concerned. */
export type RequestSite = 'same-origin' | 'allowed-origin' | 'other-origin';

/**
 * A browser says where a request comes from with `Sec-Fetch-Site` (every current browser) and,
 * for anything but a plain GET, `Origin`. A request that carries neither is not from a page
 * (curl, a server): it counts as another origin, so a cookie never stands in for its credential.
 */
export function requestSite(headers: IncomingHttpHeaders, ownOrigin: string, allowedOrigins: readonly string[]): RequestSite {
  const origin = headers.origin;
  const fetchSite = headers['sec-fetch-site'];
  if (origin && origin !== ownOrigin) return allowedOrigins.includes(origin) ? 'allowed-origin' : 'other-origin';
  if (fetchSite === 'same-origin') return 'same-origin';
  if (fetchSite === undefined && origin === ownOrigin) return 'same-origin';
  return 'other-origin';
}

/** The cookies the web entry sets: a participant's and an organiser's access token. */
export const PARTICIPANT_COOKIE = 'mh_participant';
export const ORGANISER_COOKIE = 'mh_organiser';
export const LANGUAGE_COOKIE = 'mh_lang';

/**
 * The credential a same-origin call carries: an explicit Authorization header as it is; else the
 * session named by `X-Mission-Hub-Session` (`participant` or `organiser`), else the organiser's
 * session if there is one, else the participant's.
 */
export function credentialFor(headers: IncomingHttpHeaders, cookies: Record<string, string>, site: RequestSite): string | undefined {
  if (headers.authorization) return headers.authorization;
  if (site !== 'same-origin') return undefined;
  const wanted = headers['x-mission-hub-session'];
  const token =
    wanted === 'participant'
      ? cookies[PARTICIPANT_COOKIE]
      : wanted === 'organiser'
        ? cookies[ORGANISER_COOKIE]
        : (cookies[ORGANISER_COOKIE] ?? cookies[PARTICIPANT_COOKIE]);
  return token ? `Bearer ${token}` : undefined;
}
