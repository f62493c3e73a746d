import { chain, sql } from './statement.js';

describe('chain', () => {
  it('renumbers the second statement after the first and reads the first as a CTE', () => {
    const chained = chain(
      sql('UPDATE seats SET taken = taken + $1 WHERE mission_id = $2 RETURNING id', [1, 'm']),
      sql('INSERT INTO outbox (event_id, type) VALUES ($1, $2)', ['e', 't']),
    );
    expect(chained.text).toBe(
      'WITH changed AS (UPDATE seats SET taken = taken + $1 WHERE mission_id = $2 RETURNING id) INSERT INTO outbox (event_id, type) VALUES ($3, $4)',
    );
    expect(chained.values).toEqual([1, 'm', 'e', 't']);
  });

  it('leaves the second statement as it is when the first has no parameters', () => {
    expect(chain(sql('DELETE FROM a RETURNING 1'), sql('SELECT $1::int', [2]), 'gone').text).toBe('WITH gone AS (DELETE FROM a RETURNING 1) SELECT $1::int');
  });
});
