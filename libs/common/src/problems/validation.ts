import { StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Problem } from './problem.js';

/** Request validation with the zod schemas given to `@Body({ schema })`, answered as problems naming each field. */
export function createValidationPipe(): StandardSchemaValidationPipe {
  return new StandardSchemaValidationPipe({
    exceptionFactory: (issues: readonly StandardSchemaV1.Issue[]) => Problem.validation(issues.map(toFieldError)),
  });
}

function toFieldError(issue: StandardSchemaV1.Issue) {
  const path = (issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment));
  return { field: path.length ? path.join('.') : '(body)', message: issue.message };
}
