import { z } from 'zod';
import { Problem } from './problems/problem.js';

/** `?limit=&cursor=` on every list: keyset pagination, stable while rows are added. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last one. */
  nextCursor: string | null;
}

/** A `Page` of `item`s as a schema, for the OpenAPI document of a list (a generic interface has no schema of its own). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` to get the next page; null on the last one.'),
  });
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return Array.isArray(values) ? values : null;
  } catch {
    return null;
  }
}

/** The largest value of a Postgres `bigint`: a cursor past it would make the query fail, not the input. */
const BIGINT_MAX = 2n ** 63n - 1n;

/** The arrival number (a bigint as text) a one-value cursor carries, null without one; a validation problem for anything else. */
export function seqOfCursor(cursor: string | undefined): string | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor);
  const seq = values?.[0];
  if (values?.length !== 1 || typeof seq !== 'string' || !/^\d{1,19}$/.test(seq) || BigInt(seq) > BIGINT_MAX) {
    throw Problem.validation([{ field: 'cursor', message: 'is not a cursor of this list' }]);
  }
  return seq;
}
