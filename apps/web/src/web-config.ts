import { services as serviceTable, ConfigurationError } from '#common';
import { z } from 'zod';
import { resolve } from 'node:path';
import { mailCatcherUrl } from './dev-mail/dev-mail.config.js';

/** The services the web entry forwards to; the route table names them. */
export const upstreamServices = ['registration', 'scheduling', 'mou-registry', 'notifications', 'dashboard'] as const;
export type UpstreamService = (typeof upstreamServices)[number];

const upstreamVariables: Record<UpstreamService, string> = {
  registration: 'REGISTRATION_URL',
  scheduling: 'SCHEDULING_URL',
  'mou-registry': 'MOU_REGISTRY_URL',
  notifications: 'NOTIFICATIONS_URL',
  dashboard: 'DASHBOARD_URL',
};

const origin = z.url().transform((value) => new URL(value).origin);

const environment = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  REGISTRATION_URL: z.url().optional(),
  SCHEDULING_URL: z.url().optional(),
  MOU_REGISTRY_URL: z.url().optional(),
  NOTIFICATIONS_URL: z.url().optional(),
  DASHBOARD_URL: z.url().optional(),
  // Several instances of a service: its addresses comma-separated, taken in turn (`nextUpstream`); beside the single URL.
  REGISTRATION_URLS: z.string().optional(),
  SCHEDULING_URLS: z.string().optional(),
  MOU_REGISTRY_URLS: z.string().optional(),
  NOTIFICATIONS_URLS: z.string().optional(),
  DASHBOARD_URLS: z.string().optional(),
  WEB_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin)),
  WEB_ASSETS_DIR: z.string().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().min(1).default('openid profile email'),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  WEB_BASE_URL: z.url().default('http://127.0.0.1:8080'),
  MAIL_CATCHER_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The web entry's configuration: no database, no broker, only where the services are. */
export interface WebConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Base URL of each service, without a trailing slash (the first of its instances). */
  upstreams: Record<UpstreamService, string>;
  /** Every instance of each service (`*_URLS`, else the one `*_URL`): requests go to them in turn (`nextUpstream`). */
  upstreamPools: Record<UpstreamService, string[]>;
  /** Origins (scheme://host:port) that may call `/api/…` cross-origin: a mission's own website. */
  allowedOrigins: string[];
  /** Where the built client scripts and the stylesheet are (`npm run build` writes them). */
  assetsDir: string;
  logLevel: string;
  /** In production, organisers sign in through this OIDC issuer (the console's token form is not offered). */
  oidcIssuer?: string;
  /** The console's sign-in at that issuer (authorization code with PKCE); set exactly when `oidcIssuer` is. */
  oidc?: OidcClientConfig;
  /** `MAIL_CATCHER_URL`: the development mail catcher's SMTP address, and `/dev/mail`; null without it (always in production). */
  mailCatcherUrl: string | null;
}

/** The web entry as an OIDC client of the organisers' identity provider. */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  /** Absent for a public client, which PKCE alone protects. */
  clientSecret?: string;
  scopes: string;
  /** `${WEB_BASE_URL}/console/sign-in/callback`, registered at the identity provider. */
  redirectUri: string;
  /** The keys to verify tokens with, as the services do; the discovery document's `jwks_uri` without it. */
  jwksUrl?: string;
  /** The `aud` the services require (`OIDC_AUDIENCE`): the access token taken must carry it. */
  audience?: string;
}

export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`invalid configuration of web:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) {
    throw new ConfigurationError('invalid configuration of web: OIDC_CLIENT_ID is required with OIDC_ISSUER (the console signs organisers in there)');
  }
  if (e.NODE_ENV === 'production' && e.OIDC_ISSUER && !e.OIDC_AUDIENCE) {
    throw new ConfigurationError('invalid configuration of web: OIDC_AUDIENCE is required with an OIDC issuer when NODE_ENV=production, as for the services');
  }
  const upstreamPools = Object.fromEntries(
    upstreamServices.map((service) => {
      const several = (e[`${upstreamVariables[service]}S` as keyof typeof e] as string | undefined)
        ?.split(',')
        .map((url) => url.trim())
        .filter(Boolean);
      const one = e[upstreamVariables[service] as keyof typeof e] as string | undefined;
      const urls = several?.length ? several : [one ?? `http://127.0.0.1:${serviceTable[service].port}`];
      const invalid = urls.find((url) => !URL.canParse(url));
      if (invalid) throw new ConfigurationError(`invalid configuration of web: ${upstreamVariables[service]}S: ${invalid} is not a URL`);
      return [service, urls.map((url) => url.replace(/\/+$/, ''))];
    }),
  ) as Record<UpstreamService, string[]>;
  const upstreams = Object.fromEntries(upstreamServices.map((service) => [service, upstreamPools[service][0]])) as Record<UpstreamService, string>;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    upstreams,
    upstreamPools,
    allowedOrigins: e.WEB_ALLOWED_ORIGINS,
    assetsDir: resolve(e.WEB_ASSETS_DIR ?? 'dist/apps/web/assets'),
    logLevel: e.LOG_LEVEL,
    oidcIssuer: e.OIDC_ISSUER,
    ...(e.OIDC_ISSUER && e.OIDC_CLIENT_ID
      ? {
          oidc: {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            ...(e.OIDC_CLIENT_SECRET ? { clientSecret: e.OIDC_CLIENT_SECRET } : {}),
            scopes: e.OIDC_SCOPES,
            redirectUri: `${e.WEB_BASE_URL.replace(/\/+$/, '')}/console/sign-in/callback`,
            ...(e.OIDC_JWKS_URL ? { jwksUrl: e.OIDC_JWKS_URL } : {}),
            ...(e.OIDC_AUDIENCE ? { audience: e.OIDC_AUDIENCE } : {}),
          },
        }
      : {}),
    mailCatcherUrl: mailCatcherUrl(env),
  };
}
