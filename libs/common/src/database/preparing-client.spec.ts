import { createRequire } from 'node:module';
import pg from 'pg';

/**
 * `PreparingClient` writes a query's wire messages itself, through internals of pg that its public
 * types do not have. A pg upgrade that moves them must fail here, not in production.
 */
describe('the pg internals the preparing client relies on', () => {
  const require = createRequire(import.meta.url);

  it('is the exact pg version the project pins', () => {
    const pinned = (require('../../../../package.json') as { dependencies: Record<string, string> }).dependencies.pg;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect((require('pg/package.json') as { version: string }).version).toBe(pinned);
  });

  it('has a Query whose prepare and command-complete steps can be overridden', () => {
    const query = pg.Query.prototype as unknown as Record<string, unknown>;
    expect(typeof query.prepare).toBe('function');
    expect(typeof query.handleCommandComplete).toBe('function');
  });

  it('has a connection that writes Parse, Bind, Describe and Execute and remembers what it parsed', () => {
    const connection = (new pg.Client() as unknown as { connection: Record<string, unknown> }).connection;
    for (const message of ['parse', 'bind', 'describe', 'execute']) expect(typeof connection[message]).toBe('function');
    expect(connection.parsedStatements).toEqual({});
  });

  it('maps values to parameters as its queries do', () => {
    const { prepareValue } = (pg as unknown as { utils: { prepareValue(value: unknown): unknown } }).utils;
    expect(prepareValue([1, 2])).toBe('{"1","2"}');
    expect(prepareValue({ a: 1 })).toBe('{"a":1}');
  });
});
