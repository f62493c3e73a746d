import { QueryFailedError } from 'typeorm';
import { databaseTroubleOf } from '../database/sql-state.js';
import { loggable } from './problem-details.filter.js';

const isDatabaseUnavailable = (error: unknown) => databaseTroubleOf(error) === 'unreachable';
const isDatabaseBusy = (error: unknown) => ['timed-out', 'no-connection-in-time'].includes(databaseTroubleOf(error) ?? '');

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

describe('a request whose database connection went away', () => {
  it('is told to try again (503) when Postgres ended the connection, refused it, or it was cut', () => {
    const ended = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    expect(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], ended))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('Query runner already released.'), { name: 'QueryRunnerAlreadyReleasedError' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connection already released'), { name: 'QueryRunnerProviderAlreadyReleasedError' }))).toBe(true);
  });

  it('is not, when the statement itself failed or something else broke', () => {
    const duplicate = Object.assign(new Error('duplicate key value'), { code: '23505' });
    expect(isDatabaseUnavailable(new QueryFailedError('INSERT', [], duplicate))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('a request cut short by a database limit', () => {
  it('is told to try again (503) on a statement or lock timeout, or no pooled connection in time', () => {
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    expect(isDatabaseBusy(new QueryFailedError('SELECT 1', [], cancelled))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' }))).toBe(true);
    expect(isDatabaseBusy(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('is not, for a statement refused on its own terms', () => {
    expect(isDatabaseBusy(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseBusy(new TypeError('x is undefined'))).toBe(false);
  });
});
