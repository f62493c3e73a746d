/**
 * The bare system: the same I/O as registration → scheduling, notifications and dashboard, with no framework.
 * node:http + pg for the producer (a row and its outbox row in one transaction), a relay publishing
 * with publisher confirms (amqplib), and one consumer per consuming service (consume → a pg
 * transaction with the inbox row and one write → ack). What the processes share is named here.
 */
export const BARE_EXCHANGE = 'bare.events';
export const BARE_ROUTING_KEY = 'registration.confirmed';
/** Every service that consumes a registration's event in mission-hub consumes it here too. */
export const BARE_CONSUMERS = ['scheduling', 'notifications', 'dashboard'] as const;
export type BareConsumer = (typeof BARE_CONSUMERS)[number];
/**
 * The consumers whose handling the bench times, as it times mission-hub's dashboard stream (the
 * e-mail is timed at the SMTP sink, for both systems); the others report nothing, so as not to cost
 * the bench a wake-up that mission-hub does not.
 */
export const BARE_TIMED_CONSUMERS = ['dashboard'] as const satisfies readonly BareConsumer[];
export type BareTimedConsumer = (typeof BARE_TIMED_CONSUMERS)[number];

export function isTimed(consumer: BareConsumer): consumer is BareTimedConsumer {
  return (BARE_TIMED_CONSUMERS as readonly BareConsumer[]).includes(consumer);
}

/** What each consumer's queue is bound to: the dashboard also logs `notification.sent`, as mission-hub's does. */
export function bindingsOf(consumer: BareConsumer): string[] {
  return consumer === 'dashboard' ? ['registration.*', 'notification.*'] : ['registration.*'];
}

export function bareQueue(consumer: BareConsumer): string {
  return `bare.${consumer}`;
}

/** What a bare child tells the bench over IPC: `ready` once, then (a timed consumer) the subject of each event it handled. */
export type BareReport = { ready: true; port?: number } | string;

/** The environment every bare process reads. */
export interface BareEnv {
  BARE_DATABASE_URL: string;
  BARE_SCHEMA: string;
  BARE_RABBITMQ_URL: string;
  /** `1`: registrations take a seat under a per-mission counter row (a row lock, as a capacity check needs). */
  BARE_CAPACITY?: string;
  /** Where the notifications consumer sends its e-mail (the bench's SMTP sink). */
  BARE_SMTP_URL?: string;
}

export function bareEnv(): BareEnv {
  const { BARE_DATABASE_URL, BARE_SCHEMA, BARE_RABBITMQ_URL, BARE_CAPACITY, BARE_SMTP_URL } = process.env;
  if (!BARE_DATABASE_URL || !BARE_SCHEMA || !BARE_RABBITMQ_URL) throw new Error('BARE_DATABASE_URL, BARE_SCHEMA and BARE_RABBITMQ_URL are required');
  return { BARE_DATABASE_URL, BARE_SCHEMA, BARE_RABBITMQ_URL, BARE_CAPACITY, BARE_SMTP_URL };
}

/**
 * Pool settings shared by the bare processes, in the run's schema. Fewer than a service's pool (6,
 * not 10): plenty for two cores, and the Postgres this runs on is shared (max_connections 100).
 */
export function poolConfig(env: BareEnv, name: string) {
  return { connectionString: env.BARE_DATABASE_URL, max: 6, options: `-c search_path=${env.BARE_SCHEMA}`, application_name: `bare-${name}` };
}
