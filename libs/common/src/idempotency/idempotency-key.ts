import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Transactions, UnitOfWork } from '../database/unit-of-work.js';
import { IdempotencyKeysRepository, type KeptResponse } from './idempotency-keys.repository.js';

/**
 * A transaction found the key's response kept by a request that committed first: the handler stops
 * (its transaction rolls back, or in a group only this request is left out) and the interceptor
 * answers the kept response.
 */
export class AnsweredBefore extends Error {
  constructor(readonly kept: KeptResponse) {
    super('this Idempotency-Key was answered before');
  }
}

/**
 * The `Idempotency-Key` of one request, as the route's handler sees it. The handler claims it in the
 * transaction that makes the request's change and keeps the response in that same transaction
 * (`answerOnce`, or `claimAll`/`deferKeepAll` for a group commit): the response is stored if and only if
 * the change is, and the claim ends with the transaction. See docs/DESIGN.md, "Idempotency".
 */
export class IdempotencyKey {
  private committed = false;

  constructor(
    /** The row's id: a hash of the caller's scope, the route and the key, never the key itself. */
    readonly id: string,
    private readonly key: string,
    readonly fingerprint: string,
    /** The status the route answers on success. */
    readonly status: number,
  ) {}

  /** Whether a transaction that kept this request's response has committed. */
  get kept(): boolean {
    return this.committed;
  }

  /**
   * Claims the key in the unit's transaction: waits while another request with it holds it, then
   * throws `AnsweredBefore` if a response is kept for it.
   */
  async claim(unit: UnitOfWork): Promise<void> {
    const refused = await IdempotencyKey.claimAll(unit, [this]);
    if (refused.has(this)) throw refused.get(this)!;
  }

  /** Keeps `body` as this key's response in the unit's transaction (committed with it, or not at all), deferred to its next statement or COMMIT. */
  deferKeep(unit: UnitOfWork, body: unknown): void {
    IdempotencyKey.deferKeepAll(unit, [[this, body]]);
  }

  /** The kept body, as the route answered it. */
  open(kept: KeptResponse): unknown {
    const decipher = createDecipheriv('aes-256-gcm', bodyKey(this.key), kept.body.subarray(0, 12));
    decipher.setAuthTag(kept.body.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(kept.body.subarray(28)), decipher.final()]).toString());
  }

  /**
   * A kept response can hold a secret (a participant's access token), so it is stored encrypted under
   * the Idempotency-Key: only the client that chose the key can have it replayed, and the table alone
   * reveals nothing.
   */
  seal(body: unknown): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', bodyKey(this.key), iv);
    const sealed = Buffer.concat([cipher.update(JSON.stringify(body ?? null)), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
  }

  /** Claims several keys in one transaction (one round trip); answers, for each that was answered before, its `AnsweredBefore`. */
  static async claimAll(unit: UnitOfWork, keys: readonly IdempotencyKey[]): Promise<Map<IdempotencyKey, AnsweredBefore>> {
    const kept = await IdempotencyKeysRepository.claim(
      unit,
      keys.map((key) => key.id),
    );
    const refused = new Map<IdempotencyKey, AnsweredBefore>();
    for (const key of keys) {
      const response = kept.get(key.id);
      if (response) refused.set(key, new AnsweredBefore(response));
    }
    return refused;
  }

  /** Keeps each key's response in the unit's transaction, deferred to its next statement or its commit. */
  static deferKeepAll(unit: UnitOfWork, answers: readonly (readonly [IdempotencyKey, unknown])[]): void {
    IdempotencyKeysRepository.deferKeep(
      unit,
      answers.map(([key, body]) => ({ id: key.id, fingerprint: key.fingerprint, status: key.status, body: key.seal(body) })),
    );
    unit.afterCommit(() => answers.forEach(([key]) => (key.committed = true)));
  }
}

/**
 * `work` in a transaction of its own that, with a key, first claims it and then keeps what `work`
 * answers, which must be the route's response body. Without a key, a plain transaction.
 */
export function answerOnce<T>(transactions: Transactions, key: IdempotencyKey | undefined, work: (unit: UnitOfWork) => Promise<T>): Promise<T> {
  return transactions.run(async (unit) => {
    await key?.claim(unit);
    const body = await work(unit);
    key?.deferKeep(unit, body);
    return body;
  });
}

function bodyKey(key: string): Buffer {
  return createHash('sha256').update(`mission-hub idempotent response\0${key}`).digest();
}

/** Where the interceptor leaves the request's key for the handler. */
export const IDEMPOTENCY_KEY = Symbol('idempotency key');

/** The request's `IdempotencyKey` on an `@Idempotent()` route; undefined when the request has none. */
export const CurrentIdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): IdempotencyKey | undefined => {
  return context.switchToHttp().getRequest<Request & { [IDEMPOTENCY_KEY]?: IdempotencyKey }>()[IDEMPOTENCY_KEY];
});
