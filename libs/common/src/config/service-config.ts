import { z } from 'zod';
import type { OidcIssuer } from '../auth/organiser-token.js';

export const services = {
  dashboard: { schema: 'dashboard', port: 3000 },
  registration: { schema: 'registration', port: 3001 },
  scheduling: { schema: 'scheduling', port: 3002 },
  'mou-registry': { schema: 'mou_registry', port: 3003 },
  notifications: { schema: 'notifications', port: 3004 },
} as const;

export type ServiceName = keyof typeof services;

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
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
  TRUST_PROXY: z.string().min(1).default('loopback'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The whole configuration of one service, validated once at start-up. */
export interface ServiceConfig {
  service: ServiceName;
  nodeEnv: 'development' | 'production' | 'test';
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
  if (e.NODE_ENV === 'production' && usesDevelopmentSecret) {
    throw new ConfigurationError(
      'JWT_SECRET (other than the development secret) or an OIDC issuer (OIDC_ISSUER and OIDC_JWKS_URL) is required when NODE_ENV=production',
    );
  }
  const held = (Object.keys(participantSecrets) as ParticipantSecret[]).filter((name) =>
    (participantSecrets[name].heldBy as readonly ServiceName[]).includes(service),
  );
  const developmentParticipantSecrets = held.filter((name) => (e[name] ?? participantSecrets[name].development) === participantSecrets[name].development);
  if (e.NODE_ENV === 'production' && developmentParticipantSecrets.length > 0) {
    throw new ConfigurationError(`${developmentParticipantSecrets.join(' and ')} (other than the development value) required when NODE_ENV=production`);
  }
  if (e.NODE_ENV === 'production' && held.length === 2 && e.PARTICIPANT_TOKEN_SECRET === e.PARTICIPANT_LINK_SECRET) {
    throw new ConfigurationError('PARTICIPANT_TOKEN_SECRET and PARTICIPANT_LINK_SECRET must differ: notifications holds the second only');
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
    participantTokenSecret: held.includes('PARTICIPANT_TOKEN_SECRET') ? (e.PARTICIPANT_TOKEN_SECRET ?? DEVELOPMENT_PARTICIPANT_TOKEN_SECRET) : '',
    participantLinkSecret: held.includes('PARTICIPANT_LINK_SECRET') ? (e.PARTICIPANT_LINK_SECRET ?? DEVELOPMENT_PARTICIPANT_LINK_SECRET) : '',
    participantLinkDays: e.PARTICIPANT_LINK_DAYS,
    webBaseUrl: e.WEB_BASE_URL,
    developmentParticipantSecrets,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}
