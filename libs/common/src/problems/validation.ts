import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Problem } from './problem.js';

/** Request validation with the zod schemas given to `@Body({ schema })`, answered as problems naming each field. */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues: readonly StandardSchemaV1.Issue[]) => Problem.validation(issues.flatMap(toFieldErrors)),
  });
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
