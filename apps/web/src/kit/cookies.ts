import type { Request, Response } from 'express';

/** The cookies of a request, by name (the first of a repeated name wins). */
export function readCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    if (!name || name in cookies) continue;
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

export function cookiesOf(request: Request): Record<string, string> {
  return readCookies(request.headers.cookie);
}

export interface SessionCookieOptions {
  /** Seconds; without it the cookie ends with the browser session. */
  maxAgeSeconds?: number;
}

/** A session cookie as the brief fixes it: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS. */
export function setSessionCookie(request: Request, response: Response, name: string, value: string, options: SessionCookieOptions = {}): void {
  response.cookie(name, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.secure,
    ...(options.maxAgeSeconds !== undefined ? { maxAge: options.maxAgeSeconds * 1000 } : {}),
  });
}

export function clearSessionCookie(request: Request, response: Response, name: string): void {
  response.clearCookie(name, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.secure });
}

/** The language cookie is read by nothing but the web entry either, so it is HttpOnly too; a year. */
export function setLanguageCookie(request: Request, response: Response, language: string): void {
  response.cookie('mh_lang', language, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.secure, maxAge: 365 * 24 * 3600 * 1000 });
}
