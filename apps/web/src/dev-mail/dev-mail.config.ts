import { ConfigurationError } from '#common';

/** Where the catcher listens (`MAIL_CATCHER_URL`, e.g. smtp://127.0.0.1:1025), as the page says it. */
export const DEV_MAIL_URL = Symbol('DEV_MAIL_URL');

/**
 * The catcher runs only where `MAIL_CATCHER_URL` says so (`npm start` does, when no `SMTP_URL` is
 * set), and never in production: there, mail goes to a real server and `/dev/mail` does not exist.
 */
export function mailCatcherUrl(env: NodeJS.ProcessEnv): string | null {
  const url = env.MAIL_CATCHER_URL?.trim();
  if (!url) return null;
  if (env.NODE_ENV === 'production')
    throw new ConfigurationError('MAIL_CATCHER_URL is for development only: unset it in production (mail goes to SMTP_URL there).');
  if (!/^smtp:\/\/[^/]+:\d+\/?$/.test(url)) throw new ConfigurationError(`MAIL_CATCHER_URL must be smtp://host:port, not ${url}`);
  return url;
}
