import { sql, type Statement } from '../database/statement.js';
import type { Deferred, UnitOfWork } from '../database/unit-of-work.js';

/** How long a kept response is replayed for its key. */
export const IDEMPOTENCY_KEYS_KEPT_FOR = '24 hours';

/** A response kept for a key: what the request that first used it was, and what it answered. */
export interface KeptResponse {
  id: string;
  fingerprint: string;
  status: number;
  body: Buffer;
}

/** A response to keep with the change that its request made. */
export interface ResponseToKeep {
  id: string;
  fingerprint: string;
  status: number;
  body: Buffer;
}

/**
 * Per key, a transaction-scoped advisory lock on a hash of its id: held from a claim to the end of the
 * transaction that keeps the response, and gone with that transaction however it ends (commit,
 * rollback, a connection lost, a crash), so nothing is ever left "in progress". In id order, so that
 * two transactions claiming several keys take them in one order.
 */
const lockKeys = (ids: readonly string[]): Statement =>
  sql(
    `SELECT pg_advisory_xact_lock(hashtextextended('mission-hub:idempotency:' || k.id, 0))
       FROM (SELECT id FROM unnest($1::text[]) AS id ORDER BY id) AS k`,
    [ids],
  );

const liveResponses = (ids: readonly string[]): Statement =>
  sql(`SELECT id, fingerprint, status, body FROM idempotency_keys WHERE id = ANY($1::text[]) AND created_at >= now() - $2::interval`, [
    ids,
    IDEMPOTENCY_KEYS_KEPT_FOR,
  ]);

/** The SQL of `idempotency_keys`, in one place. */
export class IdempotencyKeysRepository {
  /** The response kept for `id` within its time, if any (outside a transaction: a look before the handler runs). */
  static async find(unit: UnitOfWork, id: string): Promise<KeptResponse | undefined> {
    const [kept] = await unit.query<KeptResponse>(liveResponses([id]));
    return kept;
  }

  /** Whether the service has the table (a service without create calls has none). */
  static async present(unit: UnitOfWork): Promise<boolean> {
    const [{ present }] = await unit.query<{ present: boolean }>(sql(`SELECT to_regclass('idempotency_keys') IS NOT NULL AS present`));
    return present;
  }

  /**
   * Claims the keys `ids` for the caller's transaction (waiting for any other transaction that holds
   * one), then answers the responses kept for them by requests that committed first. The read is a
   * statement of its own after the locks (one round trip for both): its snapshot sees what the
   * transaction it waited for committed.
   */
  static async claim(unit: UnitOfWork, ids: readonly string[]): Promise<Map<string, KeptResponse>> {
    if (ids.length === 0) return new Map();
    unit.defer(lockKeys(ids), 'the Idempotency-Key locks');
    const kept = await unit.query<KeptResponse>(liveResponses(ids));
    return new Map(kept.map((response) => [response.id, response]));
  }

  /**
   * Keeps the responses in the caller's transaction, sent with its next statement or its COMMIT: they
   * are committed exactly when the change is. Replaces only a row past its time (its key claimed, no
   * live row was there).
   */
  static deferKeep(unit: UnitOfWork, responses: readonly ResponseToKeep[]): Deferred | undefined {
    if (responses.length === 0) return undefined;
    return unit.defer(
      sql(
        `INSERT INTO idempotency_keys (id, fingerprint, status, body, created_at)
       SELECT r.id, r.fingerprint, r.status, r.body, now() FROM unnest($1::text[], $2::text[], $3::integer[], $4::bytea[]) AS r (id, fingerprint, status, body)
       ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body, created_at = excluded.created_at
        WHERE idempotency_keys.created_at < now() - $5::interval`,
        [
          responses.map((r) => r.id),
          responses.map((r) => r.fingerprint),
          responses.map((r) => r.status),
          responses.map((r) => r.body),
          IDEMPOTENCY_KEYS_KEPT_FOR,
        ],
      ),
      'the kept responses of Idempotency-Keys',
    );
  }

  /** For a route that kept nothing in its transaction (a mistake, logged): the response kept after the fact, as before. */
  static async keepAfter(unit: UnitOfWork, response: ResponseToKeep): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO idempotency_keys (id, fingerprint, status, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body, created_at = now()
        WHERE idempotency_keys.created_at < now() - $5::interval`,
        [response.id, response.fingerprint, response.status, response.body, IDEMPOTENCY_KEYS_KEPT_FOR],
      ),
    );
  }
}
