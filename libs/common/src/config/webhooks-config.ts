import { z } from 'zod';
import { ConfigurationError } from './service-config.js';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const webhooksEnv = z.object({
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: flag,
  WEBHOOKS_ALLOWED_HOSTS: z.string().max(2000).default(''),
  WEBHOOKS_ALLOW_HTTP: flag,
  WEBHOOKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOKS_SEND_LEASE_MS: z.coerce.number().int().min(1000).default(60_000),
  WEBHOOKS_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  WEBHOOKS_RETRY_MAX_DELAY_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(6 * 3600_000),
  WEBHOOKS_RETRY_FOR_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3 * 24 * 3600_000),
  WEBHOOKS_DISABLE_AFTER_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 24 * 3600_000),
  WEBHOOKS_SECRET_OVERLAP_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 3600_000),
  WEBHOOKS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
});

/** Notifications' outbound webhooks (docs/DESIGN.md, Webhooks, and its configuration rows). */
export interface WebhooksConfig {
  /** Endpoints may be on private, loopback, link-local and other special-use addresses. */
  allowPrivateNetworks: boolean;
  /** Host names (or `host:port`), lower-case, that may be on such addresses all the same. */
  allowedHosts: string[];
  /** Endpoints may be plain `http://` (development, tests). */
  allowHttp: boolean;
  timeoutMs: number;
  sendLeaseMs: number;
  retry: { baseMs: number; maxDelayMs: number; retryForMs: number };
  disableAfterMs: number;
  secretOverlapMs: number;
  /** Days a settled delivery (its attempts with it), and then its event, are kept in the logs. */
  retentionDays: number;
}

export function loadWebhooksConfig(env: NodeJS.ProcessEnv): WebhooksConfig {
  const parsed = webhooksEnv.safeParse(env);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const e = parsed.data;
  return {
    allowPrivateNetworks: e.WEBHOOKS_ALLOW_PRIVATE_NETWORKS,
    allowedHosts: e.WEBHOOKS_ALLOWED_HOSTS.split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
    allowHttp: e.WEBHOOKS_ALLOW_HTTP,
    timeoutMs: e.WEBHOOKS_TIMEOUT_MS,
    // A claimed delivery must not be due again while its request may still be under way.
    sendLeaseMs: Math.max(e.WEBHOOKS_SEND_LEASE_MS, e.WEBHOOKS_TIMEOUT_MS * 2),
    retry: { baseMs: e.WEBHOOKS_RETRY_BASE_MS, maxDelayMs: e.WEBHOOKS_RETRY_MAX_DELAY_MS, retryForMs: e.WEBHOOKS_RETRY_FOR_MS },
    disableAfterMs: e.WEBHOOKS_DISABLE_AFTER_MS,
    secretOverlapMs: e.WEBHOOKS_SECRET_OVERLAP_MS,
    retentionDays: e.WEBHOOKS_RETENTION_DAYS,
  };
}
