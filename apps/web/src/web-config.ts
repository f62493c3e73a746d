import { services as serviceTable, ConfigurationError } from '#common';
import { z } from 'zod';
import { resolve } from 'node:path';

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
  MAIL_CATCHER_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The web entry's configuration: no database, no broker, only where the services are. */
export interface WebConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Base URL of each service, without a trailing slash. */
  upstreams: Record<UpstreamService, string>;
  /** Origins (scheme://host:port) that may call `/api/…` cross-origin: a mission's own website. */
  allowedOrigins: string[];
  /** Where the built client scripts and the stylesheet are (`npm run build` writes them). */
  assetsDir: string;
  logLevel: string;
  /** In production, organisers sign in through this OIDC issuer (the console's token form is not offered). */
  oidcIssuer?: string;
  /** Whether the development mail catcher runs (`MAIL_CATCHER_URL`, never in production): the console links its page, `/dev/mail`. */
  devMail: boolean;
}

export function loadWebConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`invalid configuration of web:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const upstreams = Object.fromEntries(
    upstreamServices.map((service) => [
      service,
      (e[upstreamVariables[service] as keyof typeof e] as string | undefined)?.replace(/\/+$/, '') ?? `http://127.0.0.1:${serviceTable[service].port}`,
    ]),
  ) as Record<UpstreamService, string>;
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    upstreams,
    allowedOrigins: e.WEB_ALLOWED_ORIGINS,
    assetsDir: resolve(e.WEB_ASSETS_DIR ?? 'dist/apps/web/assets'),
    logLevel: e.LOG_LEVEL,
    oidcIssuer: e.OIDC_ISSUER,
    devMail: e.NODE_ENV !== 'production' && Boolean(e.MAIL_CATCHER_URL?.trim()),
  };
}
