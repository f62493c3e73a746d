import type { NextFunction, Request, Response } from 'express';
import { LANGUAGE_COOKIE } from '../gateway/origin-policy.js';
import { cookiesOf, setLanguageCookie } from './cookies.js';
import { negotiateLanguage } from './language.js';

/** Scripts, styles, images and calls from this origin only; framed only by this origin and the allowed ones (a mission's website embedding the form). */
export function contentSecurityPolicy(allowedOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...allowedOrigins].join(' ')}`,
  ].join('; ');
}

/** Every page: its security headers and its language (`?lang=` remembered in `mh_lang`). */
export function pageMiddleware(allowedOrigins: readonly string[]) {
  const policy = contentSecurityPolicy(allowedOrigins);
  return (request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Content-Security-Policy', policy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    // A sign-in link in the address must not travel on to another site as a Referer.
    response.setHeader('Referrer-Policy', 'same-origin');
    const query = typeof request.query.lang === 'string' ? request.query.lang : undefined;
    const { language, remember } = negotiateLanguage({
      query,
      cookie: cookiesOf(request)[LANGUAGE_COOKIE],
      acceptLanguage: request.headers['accept-language'],
    });
    if (remember) setLanguageCookie(request, response, language);
    response.locals.language = language;
    response.vary('Accept-Language');
    response.vary('Cookie');
    next();
  };
}
