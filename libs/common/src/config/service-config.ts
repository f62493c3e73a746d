import { z } from 'zod';
import { DEFAULT_ORGANISER_TOKEN_MAX_LIFETIME_SECONDS, type OidcIssuer } from '../auth/organiser-token.js';
import { DEFAULT_RATE_LIMITS, parseRateLimits, type RateLimitPolicy } from '../rate-limit/rate-limit.rules.js';

export const services = {
  dashboard: { schema: 'dashboard', port: 3000 },
  registration: { schema: 'registration', port: 3001 },
  scheduling: { schema: 'scheduling', port: 3002 },
  'mou-registry': { schema: 'mou_registry', port: 3003 },
  notifications: { schema: 'notifications', port: 3004 },
} as const;

export type ServiceName = keyof typeof services;

export const DEVELOPMENT_JWT_SECRET = 'mission-hub-development-secret-change-me';

const environment = z.object({
  // No default: the development secret is accepted only where someone said this is development or a test.
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/mission_hub'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .optional(),
  RABBITMQ_URL: z.url().default('amqp://guest:guest@127.0.0.1:5672'),
  EVENTS_EXCHANGE: z.string().min(1).default('mission-hub.events'),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_URL: z.url().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('mission-hub <no-reply@mission-hub.local>'),
  JWT_SECRET: z.string().min(16).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  ORGANISER_TOKEN_MAX_LIFETIME_S: z.coerce
    .number()
    .int()
    .min(60)
    .max(31 * 24 * 3600)
    .default(DEFAULT_ORGANISER_TOKEN_MAX_LIFETIME_SECONDS),
  RATE_LIMITS: z.string().max(2000).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The whole configuration of one service, validated once at start-up. */
export interface ServiceConfig {
  service: ServiceName;
  /** Unset means neither: no development secret, and production's own checks do not apply. */
  nodeEnv?: 'development' | 'production' | 'test';
  databaseUrl: string;
  schema: string;
  /** Connections per service instance; Postgres allows 100 in all by default. */
  poolSize: number;
  rabbitmqUrl: string;
  exchange: string;
  port: number;
  smtpUrl: string;
  mailFrom: string;
  jwtSecret: string;
  /** Organiser tokens from this issuer's keys instead of JWT_SECRET (production). */
  oidc?: OidcIssuer;
  /** True when organiser tokens are checked with the development secret (JWT_SECRET unset, or set to it). */
  usesDevelopmentSecret: boolean;
  /** The longest an organiser token may live from its `iat`. */
  organiserTokenMaxLifetimeSeconds: number;
  /** The limits of the public calls by name; null when `RATE_LIMITS=off`. */
  rateLimits: Record<string, RateLimitPolicy> | null;
  logLevel: string;
}

export class ConfigurationError extends Error {}

export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`invalid configuration of ${service}:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (Boolean(e.OIDC_ISSUER) !== Boolean(e.OIDC_JWKS_URL)) {
    throw new ConfigurationError('OIDC_ISSUER and OIDC_JWKS_URL go together: set both, or neither');
  }
  // Set to the development secret itself (docker-compose's default does that) counts as not set: it is public.
  const usesDevelopmentSecret = !e.OIDC_ISSUER && (e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET) === DEVELOPMENT_JWT_SECRET;
  if (usesDevelopmentSecret && e.NODE_ENV !== 'development' && e.NODE_ENV !== 'test') {
    throw new ConfigurationError(
      e.NODE_ENV === 'production'
        ? 'JWT_SECRET (other than the development secret) or an OIDC issuer (OIDC_ISSUER and OIDC_JWKS_URL) is required when NODE_ENV=production'
        : 'JWT_SECRET (other than the development secret) or an OIDC issuer is required; the development secret is accepted only with NODE_ENV=development or test',
    );
  }
  if (e.NODE_ENV === 'production' && e.OIDC_ISSUER && !e.OIDC_AUDIENCE) {
    throw new ConfigurationError(
      "OIDC_AUDIENCE is required with an OIDC issuer when NODE_ENV=production: another application's tokens from the same issuer would pass",
    );
  }
  let rateLimits: Record<string, RateLimitPolicy> | null;
  try {
    rateLimits = parseRateLimits(e.RATE_LIMITS, DEFAULT_RATE_LIMITS);
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
  return {
    service,
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    schema: e.DB_SCHEMA ?? services[service].schema,
    poolSize: e.DB_POOL_SIZE,
    rabbitmqUrl: e.RABBITMQ_URL,
    exchange: e.EVENTS_EXCHANGE,
    port: e.PORT ?? services[service].port,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    jwtSecret: e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    ...(e.OIDC_ISSUER && e.OIDC_JWKS_URL ? { oidc: { issuer: e.OIDC_ISSUER, jwksUrl: e.OIDC_JWKS_URL, audience: e.OIDC_AUDIENCE } } : {}),
    usesDevelopmentSecret,
    organiserTokenMaxLifetimeSeconds: e.ORGANISER_TOKEN_MAX_LIFETIME_S,
    rateLimits,
    logLevel: e.LOG_LEVEL,
  };
}
