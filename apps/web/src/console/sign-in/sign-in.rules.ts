/**
 * How long a session cookie should live for a token: until the token's own expiry (`exp`), read
 * without verifying it (the services verify every call; this only keeps a dead cookie from
 * lingering). Undefined when the token says nothing readable, and 0 when it has expired.
 */
export function sessionSecondsLeft(token: string, now: Date): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return undefined;
    return Math.max(0, Math.floor(claims.exp - now.getTime() / 1000));
  } catch {
    return undefined;
  }
}

/** Where to go after signing in: a console page of this site only, never another site (`//host`, `/\host`) or another part of it. */
export function consoleDestination(next: string | undefined): string {
  if (!next || !/^\/console(?:[/?#]|$)/.test(next) || next.startsWith('/console/sign-')) return '/console';
  if (/[\\\r\n]/.test(next)) return '/console';
  return next;
}
