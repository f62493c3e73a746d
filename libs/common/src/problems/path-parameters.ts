import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { Problem } from './problem.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether Postgres takes `value` as a uuid (in the 8-4-4-4-12 form the services write). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
/** Postgres `integer`: a larger number would fail the query, not the input. */
const INTEGER_MAX = 2 ** 31 - 1;

/** A path parameter that must be a UUID; otherwise a validation problem naming the parameter (Nest's own pipe names none). */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUuid(value)) return value;
    throw Problem.validation([{ field: metadata.data ?? 'id', message: 'must be a UUID' }]);
  }
}

/** A path parameter that counts from 1 (a version number); otherwise a validation problem naming it. */
@Injectable()
export class OrdinalParamPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const number = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : NaN;
    if (number <= INTEGER_MAX) return number;
    throw Problem.validation([{ field: metadata.data ?? 'number', message: `must be a whole number from 1 to ${INTEGER_MAX}` }]);
  }
}
