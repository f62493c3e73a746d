import { QueryFailedError } from 'typeorm';
import { isUniqueViolation, sqlStateOf } from './sql-state.js';

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
