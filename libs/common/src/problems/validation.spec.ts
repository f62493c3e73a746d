import { z } from 'zod';
import { Problem } from './problem.js';
import { createValidationPipe, fieldsWithNul } from './validation.js';

describe('fieldsWithNul', () => {
  it('names every string, nested or in a list, that Postgres could not store', () => {
    expect(fieldsWithNul({ email: 'a@example.org', givenName: 'Ana\u0000', organisation: { name: 'x', tags: ['ok', '\u0000'] } })).toEqual([
      'givenName',
      'organisation.tags.1',
    ]);
    expect(fieldsWithNul({ 'bad\u0000key': 1 })).toEqual(['(body)']);
    expect(fieldsWithNul('id\u0000', ['id'])).toEqual(['id']);
  });

  it('leaves clean values, numbers, nulls and uploaded bytes alone', () => {
    expect(fieldsWithNul({ a: 1, b: null, c: [true, 'text'], d: 'Zürich 成都' })).toEqual([]);
    expect(fieldsWithNul(Buffer.from([0, 1, 2]))).toEqual([]);
  });
});

describe('the validation pipe', () => {
  const pipe = createValidationPipe();
  const schema = z.object({ givenName: z.string() });

  it('refuses a NUL character as a 400 naming the field, before the schema is even asked', async () => {
    const refusal = await pipe.transform({ givenName: 'Ana\u0000' }, { type: 'body', metatype: undefined, schema } as never).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Problem);
    expect((refusal as Problem).toProblemDetails()).toMatchObject({
      status: 400,
      errors: [{ field: 'givenName', message: 'must not contain the NUL character' }],
    });
  });

  it('passes clean input on to the schema', async () => {
    await expect(pipe.transform({ givenName: 'Ana' }, { type: 'body', metatype: undefined, schema } as never)).resolves.toEqual({ givenName: 'Ana' });
  });
});
