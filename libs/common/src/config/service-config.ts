import { z } from 'zod';
import { DEFAULT_ORGANISER_TOKEN_MAX_LIFETIME_SECONDS, type OidcIssuer } from '../auth/organiser-token.js';
import { DEFAULT_RATE_LIMITS, parseRateLimits, type RateLimitPolicy } from '../rate-limit/rate-limit.rules.js';
import { parseReminderOffsets, type ReminderOffset } from './reminder-offsets.js';
import { loadWebhooksConfig, type WebhooksConfig } from './webhooks-config.js';

export const services = {
  dashboard: { schema: 'dashboard', port: 3000 },
  registration: { schema: 'registration', port: 3001 },
  scheduling: { schema: 'scheduling', port: 3002 },
  'mou-registry': { schema: 'mou_registry', port: 3003 },
  notifications: { schema: 'notifications', port: 3004 },
} as const;

export type ServiceName = keyof typeof services;

/** `MOU_REGISTRY` for `mou-registry`: the prefix of what one service reads for itself (`MOU_REGISTRY_DATABASE_URL`, …). */
export function servicePrefix(service: ServiceName): string {
  return service.toUpperCase().replaceAll('-', '_');
}

/**
 * A service's own database and broker addresses, each falling back to the shared one: with its own
 * role and broker user in them (npm run setup), and each service's database on a server of its own if need be.
 */
function ownAddresses(service: ServiceName, env: NodeJS.ProcessEnv): { databaseUrl?: string; rabbitmqUrl?: string } {
  const prefix = servicePrefix(service);
  const parsed = z.object({ [`${prefix}_DATABASE_URL`]: z.url().optional(), [`${prefix}_RABBITMQ_URL`]: z.url().optional() }).safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`invalid configuration of ${service}:\n${lines.join('\n')}`);
  }
  return { databaseUrl: parsed.data[`${prefix}_DATABASE_URL`], rabbitmqUrl: parsed.data[`${prefix}_RABBITMQ_URL`] };
}

export const DEVELOPMENT_JWT_SECRET = 'mission-hub-development-secret-change-me';
export const DEVELOPMENT_PARTICIPANT_TOKEN_SECRET = 'mission-hub-development-participant-token-secret-change-me';
export const DEVELOPMENT_PARTICIPANT_LINK_SECRET = 'mission-hub-development-participant-link-secret-change-me';

/** The participants' secrets, and the services that hold them: no other service needs (or gets) either. */
const participantSecrets = {
  PARTICIPANT_TOKEN_SECRET: { development: DEVELOPMENT_PARTICIPANT_TOKEN_SECRET, heldBy: ['registration'] },
  PARTICIPANT_LINK_SECRET: { development: DEVELOPMENT_PARTICIPANT_LINK_SECRET, heldBy: ['registration', 'notifications'] },
} as const satisfies Record<string, { development: string; heldBy: readonly ServiceName[] }>;
type ParticipantSecret = keyof typeof participantSecrets;

const environment = z.object({
  // No default: the development secret is accepted only where someone said this is development or a test.
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/mission_hub'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  DB_POOL_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(0).default(5_000),
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier')
    .optional(),
  // One broker, or the nodes of a cluster as a comma-separated list: the connection tries them in turn.
  RABBITMQ_URL: z
    .string()
    .default('amqp://guest:guest@127.0.0.1:5672')
    .refine(
      (value) => value.split(',').every((url) => URL.canParse(url.trim()) && /^amqps?:$/.test(new URL(url.trim()).protocol)),
      'must be amqp:// URLs, comma-separated',
    ),
  EVENTS_EXCHANGE: z.string().min(1).default('mission-hub.events'),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SMTP_URL: z.url().default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('mission-hub <no-reply@mission-hub.local>'),
  MAIL_SEND_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  JWT_SECRET: z.string().min(16).optional(),
  PARTICIPANT_TOKEN_SECRET: z.string().min(32).optional(),
  PARTICIPANT_LINK_SECRET: z.string().min(32).optional(),
  PARTICIPANT_LINK_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  WEB_BASE_URL: z
    .url()
    .default('http://127.0.0.1:8080')
    .transform((url) => url.replace(/\/+$/, '')),
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
  PERIODIC_JOBS: z
    .string()
    .max(2000)
    .regex(/^(\s*[a-z-]+=\d+\s*(,|$))*$/, 'must be name=milliseconds, comma-separated')
    .optional(),
  TRUST_PROXY: z.string().min(1).default('loopback'),
  SESSION_REMINDER_OFFSETS: reminderOffsets('P1D,PT1H'),
  MEETING_REMINDER_OFFSETS: reminderOffsets('PT1H'),
  REGISTRATION_CLOSING_REMINDER_OFFSETS: reminderOffsets('P2D'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** ISO 8601 durations before a start, comma-separated (`P1D,PT1H`); `none` for no reminders. */
function reminderOffsets(defaults: string) {
  return z
    .string()
    .max(500)
    .default(defaults)
    .transform((text, context) => {
      try {
        return parseReminderOffsets(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });
}

/** The whole configuration of one service, validated once at start-up. */
export interface ServiceConfig {
  service: ServiceName;
  /** Unset means neither: no development secret, and production's own checks do not apply. */
  nodeEnv?: 'development' | 'production' | 'test';
  databaseUrl: string;
  schema: string;
  /** Connections per service instance; Postgres allows 100 in all by default. */
  poolSize: number;
  /** How long the database may take, per connection (0: no limit); see DESIGN's configuration. */
  databaseTimeouts: DatabaseTimeouts;
  /** One broker's URL, or a cluster's nodes' comma-separated (`brokerUrls` in the messaging lib splits them). */
  rabbitmqUrl: string;
  exchange: string;
  port: number;
  smtpUrl: string;
  mailFrom: string;
  /** How long the mail dispatcher keeps a claimed e-mail before it is due again (a crash while sending is retried after it). */
  mailSendLeaseMs: number;
  jwtSecret: string;
  /** Organiser tokens from this issuer's keys instead of JWT_SECRET (production). */
  oidc?: OidcIssuer;
  /** True when organiser tokens are checked with the development secret (JWT_SECRET unset, or set to it). */
  usesDevelopmentSecret: boolean;
  /** The longest an organiser token may live from its `iat`. */
  organiserTokenMaxLifetimeSeconds: number;
  /** The limits of the public calls by name; a name missing is not limited (`RATE_LIMITS=off`). */
  rateLimits: Record<string, RateLimitPolicy>;
  /** Derives participants' access tokens (registration only); see DESIGN.md, Participant links. */
  participantTokenSecret: string;
  /** Signs and verifies participants' sign-in links (registration and notifications only). */
  participantLinkSecret: string;
  /** How long a sign-in link is valid. */
  participantLinkDays: number;
  /** The web entry's address, which sign-in links point at. */
  webBaseUrl: string;
  /** Express's `trust proxy`: which proxies' `X-Forwarded-For` names the client (per-address limits go by it). */
  trustProxy: string;
  /** The participant secrets this service holds that are their public development values: a warning at start-up. */
  developmentParticipantSecrets: ParticipantSecret[];
  logLevel: string;
  /** Periods of the periodic jobs by name (`PERIODIC_JOBS`), overriding each job's own default. */
  periodicJobs: Record<string, number>;
  /** How long before a start each reminder is sent, longest first (docs/DESIGN.md, Reminders). */
  reminderOffsets: { session: ReminderOffset[]; meeting: ReminderOffset[]; registrationClosing: ReminderOffset[] };
  /** Notifications' outbound webhooks (`WEBHOOKS_*`). */
  webhooks: WebhooksConfig;
}

export interface DatabaseTimeouts {
  /** `statement_timeout`: one statement, server side. */
  statementMs: number;
  /** `lock_timeout`: one wait for a lock (rows, advisory locks), server side. */
  lockMs: number;
  /** `idle_in_transaction_session_timeout`: a transaction left open with nothing running; the server ends its connection. */
  idleInTransactionMs: number;
  /** A request's wait for a connection of the pool (and for connecting); past it the request is answered 503 with Retry-After. */
  poolAcquireMs: number;
}

export class ConfigurationError extends Error {}

export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`invalid configuration of ${service}:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const own = ownAddresses(service, env);
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
  let rateLimits: Record<string, RateLimitPolicy>;
  try {
    rateLimits = parseRateLimits(e.RATE_LIMITS, DEFAULT_RATE_LIMITS);
  } catch (error) {
    throw new ConfigurationError((error as Error).message);
  }
  const held = (Object.keys(participantSecrets) as ParticipantSecret[]).filter((name) =>
    (participantSecrets[name].heldBy as readonly ServiceName[]).includes(service),
  );
  const developmentParticipantSecrets = held.filter((name) => (e[name] ?? participantSecrets[name].development) === participantSecrets[name].development);
  if (developmentParticipantSecrets.length > 0 && e.NODE_ENV !== 'development' && e.NODE_ENV !== 'test') {
    throw new ConfigurationError(
      `${developmentParticipantSecrets.join(' and ')} (other than the development value) required unless NODE_ENV is development or test`,
    );
  }
  if (e.NODE_ENV === 'production' && held.length === 2 && e.PARTICIPANT_TOKEN_SECRET === e.PARTICIPANT_LINK_SECRET) {
    throw new ConfigurationError('PARTICIPANT_TOKEN_SECRET and PARTICIPANT_LINK_SECRET must differ: notifications holds the second only');
  }
  return {
    service,
    nodeEnv: e.NODE_ENV,
    databaseUrl: own.databaseUrl ?? e.DATABASE_URL,
    schema: e.DB_SCHEMA ?? services[service].schema,
    poolSize: e.DB_POOL_SIZE,
    databaseTimeouts: {
      statementMs: e.DB_STATEMENT_TIMEOUT_MS,
      lockMs: e.DB_LOCK_TIMEOUT_MS,
      idleInTransactionMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      poolAcquireMs: e.DB_POOL_ACQUIRE_TIMEOUT_MS,
    },
    rabbitmqUrl: own.rabbitmqUrl ?? e.RABBITMQ_URL,
    exchange: e.EVENTS_EXCHANGE,
    port: e.PORT ?? services[service].port,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailSendLeaseMs: e.MAIL_SEND_LEASE_MS,
    jwtSecret: e.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    ...(e.OIDC_ISSUER && e.OIDC_JWKS_URL ? { oidc: { issuer: e.OIDC_ISSUER, jwksUrl: e.OIDC_JWKS_URL, audience: e.OIDC_AUDIENCE } } : {}),
    usesDevelopmentSecret,
    organiserTokenMaxLifetimeSeconds: e.ORGANISER_TOKEN_MAX_LIFETIME_S,
    rateLimits,
    participantTokenSecret: held.includes('PARTICIPANT_TOKEN_SECRET') ? (e.PARTICIPANT_TOKEN_SECRET ?? DEVELOPMENT_PARTICIPANT_TOKEN_SECRET) : '',
    participantLinkSecret: held.includes('PARTICIPANT_LINK_SECRET') ? (e.PARTICIPANT_LINK_SECRET ?? DEVELOPMENT_PARTICIPANT_LINK_SECRET) : '',
    participantLinkDays: e.PARTICIPANT_LINK_DAYS,
    webBaseUrl: e.WEB_BASE_URL,
    developmentParticipantSecrets,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    periodicJobs: Object.fromEntries(
      (e.PERIODIC_JOBS ?? '')
        .split(',')
        .filter((entry) => entry.trim())
        .map((entry) => entry.split('=').map((part) => part.trim()))
        .map(([name, ms]) => [name, Math.max(Number(ms), 100)]),
    ),
    reminderOffsets: {
      session: e.SESSION_REMINDER_OFFSETS,
      meeting: e.MEETING_REMINDER_OFFSETS,
      registrationClosing: e.REGISTRATION_CLOSING_REMINDER_OFFSETS,
    },
    webhooks: loadWebhooksConfig(env),
  };
}
