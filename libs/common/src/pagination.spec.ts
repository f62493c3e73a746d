import { encodeCursor, seqOfCursor } from './pagination.js';
import { Problem } from './problems/problem.js';

function refusal(cursor: string): unknown {
  try {
    seqOfCursor(cursor);
  } catch (error) {
    return error;
  }
  throw new Error(`cursor ${cursor} was taken`);
}

describe('reading a list cursor', () => {
  it('gives back the arrival number a page ended on, and nothing without a cursor', () => {
    expect(seqOfCursor(encodeCursor(['42']))).toBe('42');
    expect(seqOfCursor(encodeCursor(['9223372036854775807']))).toBe('9223372036854775807');
    expect(seqOfCursor(undefined)).toBeNull();
  });

  it.each([
    ['past the largest bigint', encodeCursor(['9223372036854775808'])],
    ['nineteen nines', encodeCursor(['9999999999999999999'])],
    ['negative', encodeCursor(['-1'])],
    ['a number, not text', encodeCursor([42])],
    ['two values', encodeCursor(['1', '2'])],
    ['not base64 JSON', 'not-a-cursor'],
    ['empty', ''],
  ])('refuses a cursor %s as invalid input naming the field, not as a failure of the query', (_, cursor) => {
    const error = refusal(cursor);
    expect(error).toBeInstanceOf(Problem);
    expect((error as Problem).toProblemDetails()).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
  });
});
