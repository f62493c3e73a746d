import { StandardSchemaValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Problem } from './problem.js';

/**
 * Request validation with the zod schemas given to `@Body({ schema })`, answered as problems naming each field.
 * Before any schema, text that Postgres cannot store (the NUL character) is refused for every call at
 * once, so that no schema has to remember it and no such input ever reaches a statement as a 500.
 */
class RequestValidationPipe extends StandardSchemaValidationPipe {
  override async transform<T = unknown>(value: T, metadata: ArgumentMetadata): Promise<T> {
    if (metadata.type !== 'custom') {
      const fields = fieldsWithNul(value, metadata.data ? [metadata.data] : []);
      if (fields.length > 0) throw Problem.validation(fields.map((field) => ({ field, message: 'must not contain the NUL character' })));
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): StandardSchemaValidationPipe {
  return new RequestValidationPipe({
    exceptionFactory: (issues: readonly StandardSchemaV1.Issue[]) => Problem.validation(issues.flatMap(toFieldErrors)),
  });
}

/** The paths of the strings (and keys) in a parsed JSON value that hold U+0000. */
export function fieldsWithNul(value: unknown, path: readonly (string | number)[] = []): string[] {
  // Every request and event passes here and almost none holds a NUL: look first, name the paths only then.
  if (!holdsNul(value)) return [];
  const here = path.length ? path.join('.') : '(body)';
  if (typeof value === 'string') return value.includes('\0') ? [here] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldsWithNul(item, [...path, index]));
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => (key.includes('\0') ? [here] : fieldsWithNul(item, [...path, key])));
}

/** Loops, not `Object.entries`: every request body and event passes here, and the entries' arrays were most of its cost. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsNul(item)) return true;
    return false;
  }
  if (Buffer.isBuffer(value)) return false;
  for (const key in value) {
    if (Object.hasOwn(value, key) && (key.includes('\0') || holdsNul((value as Record<string, unknown>)[key]))) return true;
  }
  return false;
}

function toFieldError(issue: StandardSchemaV1.Issue) {
  const path = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
  return { field: path.length ? path.join('.') : '(body)', message: issue.message };
}

/** zod reports unknown keys once for their object; name each key as the field at fault. */
function toFieldErrors(issue: StandardSchemaV1.Issue) {
  const unknownKeys = (issue as { code?: string; keys?: string[] }).code === 'unrecognized_keys' ? ((issue as { keys?: string[] }).keys ?? []) : [];
  if (unknownKeys.length === 0) return [toFieldError(issue)];
  const parent = toFieldError(issue).field;
  return unknownKeys.map((key) => ({ field: parent === '(body)' ? key : `${parent}.${key}`, message: 'is not a known field' }));
}
