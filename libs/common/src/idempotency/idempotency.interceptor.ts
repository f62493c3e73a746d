import { applyDecorators, HttpStatus, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { from, lastValueFrom, of, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { Problem } from '../problems/problem.js';
import { ApiProblem } from '../problems/problem-responses.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** How long a kept response is replayed for its key. */
export const IDEMPOTENCY_KEYS_KEPT_FOR = '24 hours';

/**
 * `Idempotency-Key` on create calls: the first request with a key runs and its response is kept;
 * a repeat by the same caller with the same key and body gets that response again, with another
 * body a 422, and while the first is still running a 409. A key is the caller's own: another
 * caller's request with the same key is a request of its own, and never sees the first's response.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
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
    const fingerprint = fingerprintOf(request);
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE id = $1 AND created_at < now() - $2::interval`, [id, IDEMPOTENCY_KEYS_KEPT_FOR]);
    const claimed = await this.dataSource.query(`INSERT INTO idempotency_keys (id, fingerprint) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`, [
      id,
      fingerprint,
    ]);
    if (claimed.length === 0) return this.replay(id, key, fingerprint, response);
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.dataSource.query(`UPDATE idempotency_keys SET status = $2, body = $3 WHERE id = $1`, [id, status, seal(key, body ?? null)]);
      return body;
    } catch (error) {
      // A failed request stored nothing, so the same key may be tried again.
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE id = $1`, [id]);
      throw error;
    }
  }

  private async replay(id: string, key: string, fingerprint: string, response: Response): Promise<unknown> {
    const [stored] = await this.dataSource.query(`SELECT fingerprint, status, body FROM idempotency_keys WHERE id = $1`, [id]);
    if (!stored) throw Problem.conflict('idempotency-key-in-progress', 'A request with this Idempotency-Key was just abandoned; try again');
    if (stored.fingerprint !== fingerprint) {
      throw Problem.unprocessable('idempotency-key-reused', 'Idempotency-Key reused with another body', 'Use a new key for a different request.');
    }
    if (stored.status === null) throw Problem.conflict('idempotency-key-in-progress', 'A request with this Idempotency-Key is still in progress');
    response.status(stored.status).setHeader('Idempotent-Replayed', 'true');
    return lastValueFrom(of(open(key, stored.body)));
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

/**
 * A kept response can hold a secret (a participant's access token), so it is stored encrypted
 * under the Idempotency-Key: only the client that chose the key can have it replayed, and the
 * table alone reveals nothing.
 */
function seal(key: string, body: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', bodyKey(key), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body)), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

function open(key: string, stored: Buffer): unknown {
  const decipher = createDecipheriv('aes-256-gcm', bodyKey(key), stored.subarray(0, 12));
  decipher.setAuthTag(stored.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString());
}

function bodyKey(key: string): Buffer {
  return createHash('sha256').update(`mission-hub idempotent response\0${key}`).digest();
}

/** The route takes an `Idempotency-Key`, and its OpenAPI operation says so. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: `Makes a retry safe: the same caller with the same key and request gets the first response again (header Idempotent-Replayed: true) for ${IDEMPOTENCY_KEYS_KEPT_FOR}; another request with the key is a 422.`,
    }),
  );

/**
 * What an `Idempotent` call answers because of its key, for a call that documents its responses.
 * Not part of `Idempotent`: an operation that declares any response no longer gets the success
 * response Nest adds by itself, and the calls that declare none would lose theirs.
 */
export const ApiIdempotencyProblems = () =>
  applyDecorators(
    ApiProblem(
      HttpStatus.CONFLICT,
      'idempotency-key-in-progress',
      'A request with this Idempotency-Key is still in progress, or was just abandoned: try again.',
    ),
    ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'idempotency-key-reused', 'This Idempotency-Key came with another request (body or query): use a new key.'),
  );
