import { sql, type Deferred, type ExpiredRows, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';

export interface EndpointRow {
  id: string;
  mission_id: string;
  url: string;
  description: string | null;
  contact_email: string | null;
  language: string;
  event_types: string[];
  status: 'enabled' | 'disabled';
  disabled_reason: string | null;
  disabled_at: Date | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  failing_since: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewEndpoint {
  id: string;
  missionId: string;
  url: string;
  description: string | null;
  contactEmail: string | null;
  language: string;
  eventTypes: string[];
  secret: string;
  createdBy: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface DeliveryRow {
  id: string;
  seq: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  updated_at: Date;
  payload_erased: boolean;
}

export interface AttemptRow {
  seq: string;
  delivery_id: string;
  event_id: string;
  event_type: string;
  attempt: number;
  manual: boolean;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  at: Date;
}

/** A due delivery the dispatcher has claimed (leased), with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  attempts: number;
  first_attempt_at: Date;
  manual: boolean;
  /** Null once a participant it names is erased: not sent. */
  body: string | null;
  url: string;
  endpoint_status: 'enabled' | 'disabled';
  secret: string;
  /** The secret before the last rotation, while its overlap lasts. */
  previous_secret: string | null;
}

/** What became of a claimed delivery; `attempt` when a request was made. */
export interface SettledDelivery {
  id: string;
  endpointId: string;
  status: WebhookDeliveryStatus;
  attempt: { number: number; manual: boolean; statusCode: number | null; durationMs: number; error: string | null } | null;
  error: string | null;
  retryAt: Date | null;
  /** The attempt reached the endpoint and it answered 2xx (`true`), failed (`false`), or no attempt was made (null). */
  succeeded: boolean | null;
  /** The endpoint answered 410 Gone. */
  gone: boolean;
}

/** An endpoint disabled by `settle`, for its announcement. */
export interface DisabledEndpoint {
  id: string;
  mission_id: string;
  url: string;
  contact_email: string | null;
  language: string;
  failing_since: Date | null;
  disabled_reason: string;
  disabled_at: Date;
  gone: boolean;
}

/** The webhooks' SQL (`webhook_endpoints`, `webhook_events`, `webhook_deliveries`, `webhook_attempts`, `webhook_erasures`). */
@Injectable()
export class WebhooksRepository {
  /**
   * What `WebhookRetention` deletes, `$1` days after: a settled delivery (its attempts go with it,
   * by their key), then an event no delivery is left of. A pending one stays, however old: it is
   * settled within `WEBHOOKS_RETRY_FOR_MS`, or failed when its endpoint is disabled.
   */
  static readonly expired: { deliveries: ExpiredRows; events: ExpiredRows } = {
    deliveries: { table: 'webhook_deliveries', key: 'id', where: `status <> 'pending' AND updated_at < now() - make_interval(days => $1)` },
    events: {
      table: 'webhook_events',
      key: 'id',
      where: `created_at < now() - make_interval(days => $1) AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = webhook_events.id)`,
    },
  };

  async insertEndpoint(unit: UnitOfWork, endpoint: NewEndpoint): Promise<EndpointRow> {
    const [row] = await unit.query<EndpointRow>(
      sql(
        `INSERT INTO webhook_endpoints (id, mission_id, url, description, contact_email, language, event_types, secret, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          endpoint.id,
          endpoint.missionId,
          endpoint.url,
          endpoint.description,
          endpoint.contactEmail,
          endpoint.language,
          endpoint.eventTypes,
          endpoint.secret,
          endpoint.createdBy,
        ],
      ),
    );
    return row!;
  }

  endpointsOfMission(unit: UnitOfWork, missionId: string): Promise<EndpointRow[]> {
    return unit.query<EndpointRow>(sql(`SELECT * FROM webhook_endpoints WHERE mission_id = $1 ORDER BY created_at, id`, [missionId]));
  }

  async endpoint(unit: UnitOfWork, missionId: string, id: string): Promise<EndpointRow | null> {
    const [row] = await unit.query<EndpointRow>(sql(`SELECT * FROM webhook_endpoints WHERE mission_id = $1 AND id = $2`, [missionId, id]));
    return row ?? null;
  }

  async deleteEndpoint(unit: UnitOfWork, missionId: string, id: string): Promise<boolean> {
    const rows = await unit.query(sql(`DELETE FROM webhook_endpoints WHERE mission_id = $1 AND id = $2 RETURNING id`, [missionId, id]));
    return rows.length > 0;
  }

  /** The new secret becomes the one signed with first; the old one is still signed with until `overlapMs` from now. */
  async rotateSecret(unit: UnitOfWork, missionId: string, id: string, secret: string, overlapMs: number): Promise<EndpointRow | null> {
    const [row] = await unit.query<EndpointRow>(
      sql(
        `UPDATE webhook_endpoints
            SET previous_secret = secret, previous_secret_expires_at = now() + $4 * interval '1 millisecond', secret = $3, updated_at = now()
          WHERE mission_id = $1 AND id = $2 RETURNING *`,
        [missionId, id, secret, overlapMs],
      ),
    );
    return row ?? null;
  }

  async enable(unit: UnitOfWork, missionId: string, id: string): Promise<EndpointRow | null> {
    const [row] = await unit.query<EndpointRow>(
      sql(
        `UPDATE webhook_endpoints SET status = 'enabled', disabled_reason = NULL, disabled_at = NULL, failing_since = NULL, updated_at = now()
          WHERE mission_id = $1 AND id = $2 RETURNING *`,
        [missionId, id],
      ),
    );
    return row ?? null;
  }

  /**
   * Queues the event for `endpointIds` (those of its mission that subscribe to its type), with the
   * body exactly as it will be signed and sent, in the caller's transaction, sent with its COMMIT: one
   * delivery per endpoint and event (the unique key). Nothing when a participant it names is erased:
   * it takes the webhooks' erasure locks of every id the event holds, shared, first.
   */
  deferQueue(unit: UnitOfWork, event: { id: string; type: string; missionId: string; body: string; namedIds: readonly string[] }): Deferred {
    if (event.namedIds.length > 0) unit.defer(webhookErasureLock('shared', event.namedIds), 'the webhook erasure locks');
    return unit.defer(
      sql(
        `WITH endpoint AS (
           SELECT e.id FROM webhook_endpoints e
            WHERE e.mission_id = $3 AND e.status = 'enabled'
              AND EXISTS (SELECT 1 FROM unnest(e.event_types) AS pattern WHERE ${TOPIC_MATCH})),
         event AS (
           INSERT INTO webhook_events (id, type, mission_id, body, named_ids)
           SELECT $1, $2, $3, $4, $5::uuid[]
            WHERE EXISTS (SELECT 1 FROM endpoint)
              AND NOT EXISTS (SELECT 1 FROM webhook_erasures WHERE registration_id = ANY ($5::uuid[]))
           ON CONFLICT (id) DO NOTHING
           RETURNING id)
         INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, next_attempt_at)
         SELECT gen_random_uuid(), endpoint.id, event.id, $2, now()
           FROM event, endpoint
         ON CONFLICT ON CONSTRAINT webhook_deliveries_once_per_endpoint_and_event DO NOTHING
         RETURNING id`,
        [event.id, event.type, event.missionId, event.body, event.namedIds],
      ),
      'the queued webhook deliveries',
    );
  }

  /**
   * A participant was erased: no event naming them is queued from now on, the stored bodies of those
   * that were are blanked, and their deliveries not made yet are dropped. A delivery being sent right
   * now (claimed, its body read) may still go out; its outcome is recorded on the dropped row.
   */
  async erase(unit: UnitOfWork, registrationId: string): Promise<void> {
    await unit.query(webhookErasureLock('exclusive', [registrationId]));
    await unit.query(sql(`INSERT INTO webhook_erasures (registration_id) VALUES ($1) ON CONFLICT DO NOTHING`, [registrationId]));
    await unit.query(
      sql(
        `WITH named AS (
           UPDATE webhook_events SET body = NULL WHERE named_ids @> ARRAY[$1::uuid] AND body IS NOT NULL RETURNING id)
         UPDATE webhook_deliveries
            SET status = 'dropped', last_error = 'participant erased before delivery', next_attempt_at = NULL, updated_at = now()
          WHERE status = 'pending' AND event_id IN (SELECT id FROM named)`,
        [registrationId],
      ),
    );
  }

  /**
   * Claims up to `limit` due deliveries for `leaseMs` (their next attempt moves to the lease's end, so
   * no other dispatcher takes them meanwhile, and a crash leaves them due again), with their bodies
   * and endpoints. One statement, its own transaction: nothing stays locked while they are sent.
   */
  claimDue(unit: UnitOfWork, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return unit.query<ClaimedDelivery>(
      sql(
        `WITH claimed AS (
           UPDATE webhook_deliveries d
              SET next_attempt_at = now() + $2 * interval '1 millisecond', first_attempt_at = coalesce(d.first_attempt_at, now())
             FROM (SELECT id FROM webhook_deliveries
                    WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at
                    LIMIT $1
                      FOR UPDATE SKIP LOCKED) AS due
            WHERE d.id = due.id
           RETURNING d.id, d.endpoint_id, d.event_id, d.event_type, d.attempts, d.first_attempt_at, d.manual)
         SELECT c.*, e.body, p.url, p.status AS endpoint_status, p.secret,
                CASE WHEN p.previous_secret_expires_at > now() THEN p.previous_secret END AS previous_secret
           FROM claimed c JOIN webhook_events e ON e.id = c.event_id JOIN webhook_endpoints p ON p.id = c.endpoint_id`,
        [limit, leaseMs],
      ),
    );
  }

  /**
   * Records the outcomes of claimed deliveries, their attempts, and what they say of their endpoints:
   * a success clears `failing_since`, a failure sets it if unset; an endpoint that answered 410, or
   * has failed since `disableAfterMs` ago, is disabled and its pending deliveries failed. Answers
   * the endpoints it disabled.
   */
  async settle(unit: UnitOfWork, settled: readonly SettledDelivery[], disableAfterMs: number): Promise<DisabledEndpoint[]> {
    const attempted = settled.filter((s) => s.attempt);
    await unit.query(
      sql(
        `UPDATE webhook_deliveries d
            SET status = CASE WHEN d.status = 'dropped' THEN d.status ELSE o.status END,
                attempts = d.attempts + CASE WHEN o.attempted THEN 1 ELSE 0 END,
                last_status_code = CASE WHEN o.attempted THEN o.status_code ELSE d.last_status_code END,
                last_error = o.error,
                next_attempt_at = CASE WHEN o.status = 'pending' AND d.status <> 'dropped' THEN o.retry_at END,
                delivered_at = CASE WHEN o.status = 'delivered' THEN now() ELSE d.delivered_at END,
                manual = false,
                updated_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::integer[], $5::text[], $6::timestamptz[]) AS o (id, status, attempted, status_code, error, retry_at)
          WHERE d.id = o.id`,
        [
          settled.map((s) => s.id),
          settled.map((s) => s.status),
          settled.map((s) => s.attempt !== null),
          settled.map((s) => s.attempt?.statusCode ?? null),
          settled.map((s) => s.error),
          settled.map((s) => s.retryAt?.toISOString() ?? null),
        ],
      ),
    );
    if (attempted.length === 0) return [];
    // Only for deliveries still there: an endpoint deleted while one was in flight took its log with it.
    await unit.query(
      sql(
        `INSERT INTO webhook_attempts (delivery_id, endpoint_id, attempt, manual, status_code, duration_ms, error)
         SELECT a.delivery_id, d.endpoint_id, a.attempt, a.manual, a.status_code, a.duration_ms, a.error
           FROM unnest($1::uuid[], $2::integer[], $3::boolean[], $4::integer[], $5::integer[], $6::text[])
                AS a (delivery_id, attempt, manual, status_code, duration_ms, error)
           JOIN webhook_deliveries d ON d.id = a.delivery_id`,
        [
          attempted.map((s) => s.id),
          attempted.map((s) => s.attempt!.number),
          attempted.map((s) => s.attempt!.manual),
          attempted.map((s) => s.attempt!.statusCode),
          attempted.map((s) => s.attempt!.durationMs),
          attempted.map((s) => s.attempt!.error),
        ],
      ),
    );
    const succeeded = [...new Set(attempted.filter((s) => s.succeeded).map((s) => s.endpointId))];
    const failed = [...new Set(attempted.filter((s) => s.succeeded === false).map((s) => s.endpointId))].filter((id) => !succeeded.includes(id));
    const gone = [...new Set(attempted.filter((s) => s.gone).map((s) => s.endpointId))];
    await unit.query(
      sql(
        `UPDATE webhook_endpoints
            SET failing_since = CASE WHEN id = ANY ($1::uuid[]) THEN NULL ELSE coalesce(failing_since, now()) END, updated_at = now()
          WHERE id = ANY ($1::uuid[]) OR id = ANY ($2::uuid[])`,
        [succeeded, failed],
      ),
    );
    const disabled = await unit.query<DisabledEndpoint>(
      sql(
        `UPDATE webhook_endpoints
            SET status = 'disabled', disabled_at = now(), updated_at = now(),
                disabled_reason = CASE WHEN id = ANY ($2::uuid[]) THEN 'the endpoint answered 410 Gone'
                                       ELSE 'every attempt has failed since ' || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END
          WHERE status = 'enabled'
            AND (id = ANY ($2::uuid[]) OR (id = ANY ($1::uuid[]) AND failing_since <= now() - $3 * interval '1 millisecond'))
         RETURNING id, mission_id, url, contact_email, language, failing_since, disabled_reason, disabled_at, id = ANY ($2::uuid[]) AS gone`,
        [failed, gone, disableAfterMs],
      ),
    );
    if (disabled.length > 0)
      await this.failPendingOf(
        unit,
        disabled.map((endpoint) => endpoint.id),
      );
    return disabled;
  }

  /** A disabled endpoint's pending deliveries: failed, not paused (an organiser redelivers what they need once it is enabled). */
  private async failPendingOf(unit: UnitOfWork, endpointIds: readonly string[]): Promise<void> {
    await unit.query(
      sql(
        `UPDATE webhook_deliveries SET status = 'failed', last_error = 'endpoint disabled', next_attempt_at = NULL, updated_at = now()
          WHERE endpoint_id = ANY ($1::uuid[]) AND status = 'pending'`,
        [endpointIds],
      ),
    );
  }

  pageOfDeliveries(unit: UnitOfWork, endpointId: string, options: { afterSeq: string | null; limit: number }): Promise<DeliveryRow[]> {
    return unit.query<DeliveryRow>(
      sql(
        `SELECT d.*, e.body IS NULL AS payload_erased
           FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
          WHERE d.endpoint_id = $1 AND ($2::bigint IS NULL OR d.seq < $2)
          ORDER BY d.seq DESC LIMIT $3`,
        [endpointId, options.afterSeq, options.limit],
      ),
    );
  }

  pageOfAttempts(unit: UnitOfWork, endpointId: string, options: { afterSeq: string | null; limit: number }): Promise<AttemptRow[]> {
    return unit.query<AttemptRow>(
      sql(
        `SELECT a.seq, a.delivery_id, d.event_id, d.event_type, a.attempt, a.manual, a.status_code, a.duration_ms, a.error, a.at
           FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
          WHERE a.endpoint_id = $1 AND ($2::bigint IS NULL OR a.seq < $2)
          ORDER BY a.seq DESC LIMIT $3`,
        [endpointId, options.afterSeq, options.limit],
      ),
    );
  }

  /**
   * Makes a delivery due now, by hand: one attempt when it had settled (delivered, failed), its next
   * one brought forward when it is still being retried. Answers why not (`missing`, `erased`), or the row.
   */
  async redeliver(unit: UnitOfWork, endpointId: string, deliveryId: string): Promise<'missing' | 'erased' | 'queued'> {
    const [row] = await unit.query<{ erased: boolean; updated: boolean }>(
      sql(
        `WITH target AS (
           SELECT d.id, e.body IS NULL AS erased FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
            WHERE d.id = $2 AND d.endpoint_id = $1 FOR UPDATE OF d),
         updated AS (
           UPDATE webhook_deliveries d
              SET manual = d.status <> 'pending', status = 'pending', next_attempt_at = now(), updated_at = now()
             FROM target WHERE d.id = target.id AND NOT target.erased RETURNING d.id)
         SELECT target.erased, EXISTS (SELECT 1 FROM updated) AS updated FROM target`,
        [endpointId, deliveryId],
      ),
    );
    if (!row) return 'missing';
    return row.erased ? 'erased' : 'queued';
  }
}

/**
 * Whether `pattern` (AMQP topic syntax: `*` one word, `#` any number) takes the type `$2`, as
 * `matchesTopic` decides: the pattern becomes a regular expression over `.` + the type, each word
 * preceded by `\.`: a word stays itself, `*` is one word `\.[^.]+`, `#` any number `(\.[^.]+)*`.
 */
export const TOPIC_MATCH = `pattern = $2 OR ('.' || $2) ~ ('^' || replace(replace(replace('.' || pattern, '.', '\\.'), '\\.#', '(\\.[^.]+)*'), '\\.*', '\\.[^.]+') || '$')`;

/** The webhooks' own erasure locks, apart from the delivery log's: each erasure orders only what it guards. */
function webhookErasureLock(mode: 'shared' | 'exclusive', ids: readonly string[]) {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  return sql(`SELECT ${lock}(hashtextextended('mission-hub:webhook-erasure:' || current_schema() || ':' || id, 0)) FROM unnest($1::text[]) AS id`, [ids]);
}
