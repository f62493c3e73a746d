import { QueryFailedError } from 'typeorm';
import { isDatabaseOutage, isUniqueViolation, sqlStateOf } from './sql-state.js';

function refused(code: string, constraint: string): Error {
  return Object.assign(new Error(`duplicate key value violates unique constraint "${constraint}"`), { code, constraint });
}

describe('telling a unique violation by the constraint it broke', () => {
  it('recognises the named constraint on a failed TypeORM query and on a bare pg error', () => {
    const driverError = refused('23505', 'meetings_open_pair');
    expect(isUniqueViolation(new QueryFailedError('INSERT INTO meetings …', [], driverError), 'meetings_open_pair')).toBe(true);
    expect(isUniqueViolation(driverError, 'meetings_open_pair')).toBe(true);
  });

  it('refuses another constraint of the same table', () => {
    expect(isUniqueViolation(new QueryFailedError('INSERT INTO meetings …', [], refused('23505', 'meetings_pkey')), 'meetings_open_pair')).toBe(false);
  });

  it('refuses another integrity failure that names the constraint', () => {
    expect(isUniqueViolation(refused('23514', 'meetings_open_pair'), 'meetings_open_pair')).toBe(false);
  });

  it('refuses what is not a database error at all', () => {
    expect(isUniqueViolation(new TypeError('x is undefined'), 'meetings_open_pair')).toBe(false);
    expect(isUniqueViolation(undefined, 'meetings_open_pair')).toBe(false);
  });
});

describe('reading the SQLSTATE of a failure', () => {
  it('reads it from a bare pg error and from a failed TypeORM query', () => {
    const driverError = refused('40P01', 'none');
    expect(sqlStateOf(driverError)).toBe('40P01');
    expect(sqlStateOf(new QueryFailedError('UPDATE …', [], driverError))).toBe('40P01');
  });

  it("answers nothing for errors that are not a statement's, such as a socket's code", () => {
    expect(sqlStateOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(sqlStateOf(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBeUndefined();
    expect(sqlStateOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(sqlStateOf(null)).toBeUndefined();
    expect(sqlStateOf('23505')).toBeUndefined();
  });
});

describe('telling an unreachable database from a failed statement', () => {
  it('recognises lost connections, a server that shuts down or starts, and a pool that cannot connect in time', () => {
    expect(isDatabaseOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseOutage(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseOutage(new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')))).toBe(true);
  });

  it('leaves a statement refused for what it asked to the retries', () => {
    expect(isDatabaseOutage(new QueryFailedError('INSERT', [], refused('23505', 'inbox_pkey')))).toBe(false);
    expect(isDatabaseOutage(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }))).toBe(false);
    expect(isDatabaseOutage(new TypeError('x is undefined'))).toBe(false);
  });
});
