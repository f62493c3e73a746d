import {
  applyDecorators,
  HttpStatus,
  Injectable,
  Logger,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { Problem } from '../problems/problem.js';
import { ApiProblem } from '../problems/problem-responses.js';
import { AnsweredBefore, IDEMPOTENCY_KEY, IdempotencyKey } from './idempotency-key.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { IDEMPOTENCY_KEYS_KEPT_FOR, IdempotencyKeysRepository, type KeptResponse } from './idempotency-keys.repository.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export { IDEMPOTENCY_KEYS_KEPT_FOR };

/**
 * Requests of this process under way per key id. Two requests with one key in one process wait for
 * each other here: in one registration group they would share one transaction, where the advisory
 * lock (re-entrant within a session) could not make them take turns.
 */
const underWay = new Map<string, Promise<unknown>>();

/**
 * `Idempotency-Key` on create calls: the first request with a key runs, and the handler keeps its
 * response in the transaction that makes its change (`IdempotencyKey`); a repeat by the same caller
 * with the same key and body gets that response again, with another body a 422. A repeat while the
 * first is still running waits for it (the key's advisory lock) and then gets its response, or runs
 * if the first changed nothing. A key is the caller's own: another caller's request with the same key
 * is a request of its own, and never sees the first's response.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header('idempotency-key');
    if (key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) throw Problem.validation([{ field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' }]);
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return from(this.run(key, request, context.switchToHttp().getResponse<Response>(), status, next));
  }

  private async run(key: string, request: Request & { caller?: Caller }, response: Response, status: number, next: CallHandler): Promise<unknown> {
    const id = keyId(`${request.method} ${request.originalUrl.split('?')[0]} ${callerScope(request.caller)}`, key);
    const idempotencyKey = new IdempotencyKey(id, key, fingerprintOf(request), status);
    for (;;) {
      // A look before the handler runs, which may refuse early what it did before (a second run, a taken e-mail).
      const kept = await IdempotencyKeysRepository.find(UnitOfWork.of(this.dataSource.manager), id);
      if (kept) return this.replay(idempotencyKey, kept, response);
      const earlier = underWay.get(id);
      if (!earlier) break;
      await earlier.catch(() => undefined);
    }
    (request as Request & { [IDEMPOTENCY_KEY]?: IdempotencyKey })[IDEMPOTENCY_KEY] = idempotencyKey;
    const handled = lastValueFrom(next.handle(), { defaultValue: undefined });
    underWay.set(id, handled);
    let body: unknown;
    try {
      body = await handled;
    } catch (error) {
      if (error instanceof AnsweredBefore) return this.replay(idempotencyKey, error.kept, response);
      // A failed request kept nothing (its transaction rolled back), so the same key may be tried again.
      throw error;
    } finally {
      if (underWay.get(id) === handled) underWay.delete(id);
    }
    if (!idempotencyKey.kept) {
      // Every @Idempotent route keeps its response in its transaction; one that does not is a mistake, kept after the fact as a fallback.
      this.logger.error({ msg: 'an idempotent route did not keep its response in its transaction', path: request.route?.path });
      await IdempotencyKeysRepository.keepAfter(UnitOfWork.of(this.dataSource.manager), {
        id,
        fingerprint: idempotencyKey.fingerprint,
        status,
        body: idempotencyKey.seal(body),
      });
    }
    return body;
  }

  private replay(key: IdempotencyKey, kept: KeptResponse, response: Response): unknown {
    if (kept.fingerprint !== key.fingerprint) {
      throw Problem.unprocessable('idempotency-key-reused', 'Idempotency-Key reused with another body', 'Use a new key for a different request.');
    }
    response.status(kept.status).setHeader('Idempotent-Replayed', 'true');
    return key.open(kept);
  }
}

/** Whose key it is: the guard has established the caller before any interceptor runs. */
function callerScope(caller: Caller | undefined): string {
  if (caller?.kind === 'organiser') return `organiser ${caller.subject}`;
  if (caller?.kind === 'participant') return `participant ${caller.registrationId}`;
  return 'anonymous';
}

/** What makes two requests with one key the same request: the query and the body (an upload's bytes, with their type, as sent). */
function fingerprintOf(request: Request): string {
  const hash = createHash('sha256')
    .update(request.originalUrl.split('?')[1] ?? '')
    .update('\0');
  if (Buffer.isBuffer(request.body))
    hash
      .update(request.header('content-type') ?? '')
      .update('\0')
      .update(request.body);
  else hash.update(JSON.stringify(request.body ?? null));
  return hash.digest('hex');
}

/** Rows are found by a hash of the key, never the key itself. */
function keyId(scope: string, key: string): string {
  return createHash('sha256').update(`${scope}\0${key}`).digest('hex');
}

/** The route takes an `Idempotency-Key`, and its OpenAPI operation says so. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: `Makes a retry safe: the same caller with the same key and request gets the first response again (header Idempotent-Replayed: true) for ${IDEMPOTENCY_KEYS_KEPT_FOR}, kept with the change the first made (none if it failed); a repeat while the first runs waits for it; another request with the key is a 422.`,
    }),
  );

/**
 * What an `Idempotent` call answers because of its key, for a call that documents its responses.
 * Not part of `Idempotent`: an operation that declares any response no longer gets the success
 * response Nest adds by itself, and the calls that declare none would lose theirs.
 */
export const ApiIdempotencyProblems = () =>
  applyDecorators(
    ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'idempotency-key-reused', 'This Idempotency-Key came with another request (body or query): use a new key.'),
  );
