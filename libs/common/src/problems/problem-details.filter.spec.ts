import { QueryFailedError } from 'typeorm';
import { loggable } from './problem-details.filter.js';

describe('what an unexpected error leaves in the logs', () => {
  it('keeps a failed query’s statement and code but none of its parameters or the row Postgres quotes', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "registrations_email"'), {
      code: '23505',
      constraint: 'registrations_email',
      detail: 'Key (mission_id, lower(email))=(…, ana.puig@bcn.cat) already exists.',
    });
    const failure = new QueryFailedError('INSERT INTO registrations (email, token_hash) VALUES ($1, $2)', ['ana.puig@bcn.cat', 'f'.repeat(64)], driverError);
    const logged = JSON.stringify(loggable(failure));
    expect(logged).toContain('23505');
    expect(logged).toContain('INSERT INTO registrations');
    expect(logged).not.toContain('ana.puig@bcn.cat');
    expect(logged).not.toContain('f'.repeat(64));
  });

  it('passes any other error on as it is', () => {
    const error = new TypeError('x is undefined');
    expect(loggable(error)).toBe(error);
  });
});
