import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A pg client that prepares every statement with parameters once per connection: Postgres parses
 * and plans it the first time and only binds and executes it after, which is most of the cost of
 * the short statements the hot paths send (insert a registration, an outbox row, an inbox row).
 * The name is a hash of the text, so one text always has one name and two never share one.
 * (Behind a PgBouncer in transaction mode older than 1.21, named statements would have to go.)
 */
export class PreparingClient extends pg.Client {
  override query(...args: unknown[]): any {
    const [text, values] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = `mh_${createHash('sha1').update(text).digest('base64url')}`;
      return (super.query as (...rest: unknown[]) => unknown)({ name, text, values }, ...args.slice(2));
    }
    return (super.query as (...rest: unknown[]) => unknown)(...args);
  }
}
