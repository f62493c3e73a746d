import { erasureLock, upsertIfNewer } from './projection.js';

describe('upsertIfNewer', () => {
  it('updates every column but the key, and only from an event at least as new', () => {
    const statement = upsertIfNewer({
      table: 'missions',
      key: ['id'],
      values: { id: 'm1', code: 'EU-SC', as_of: '2019-06-01T00:00:00Z' },
    });
    expect(statement.text.replace(/\s+/g, ' ')).toBe(
      'INSERT INTO missions (id, code, as_of) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, as_of = EXCLUDED.as_of WHERE missions.as_of <= EXCLUDED.as_of',
    );
    expect(statement.values).toEqual(['m1', 'EU-SC', '2019-06-01T00:00:00Z']);
  });

  it('casts, keeps insert-only columns, sets columns otherwise and adds a condition when asked', () => {
    const statement = upsertIfNewer({
      table: 'participants',
      key: ['registration_id'],
      values: { registration_id: 'r1', profile: '{}', first_seen: 'now', as_of: 't' },
      types: { profile: 'jsonb' },
      insertOnly: ['first_seen'],
      set: { profile: 'participants.profile || EXCLUDED.profile', received_at: 'now()' },
      andWhere: 'participants.erased_at IS NULL',
    });
    const text = statement.text.replace(/\s+/g, ' ');
    expect(text).toContain('VALUES ($1, $2::jsonb, $3, $4)');
    expect(text).toContain('SET profile = participants.profile || EXCLUDED.profile, as_of = EXCLUDED.as_of, received_at = now()');
    expect(text).not.toContain('first_seen = ');
    expect(text).toContain('WHERE participants.as_of <= EXCLUDED.as_of AND participants.erased_at IS NULL');
  });

  it('refuses a row without its time, which could never be ordered', () => {
    expect(() => upsertIfNewer({ table: 't', key: ['id'], values: { id: 1 } })).toThrow('as_of');
  });
});

describe('erasureLock', () => {
  it('keys the shared and the exclusive lock alike, by schema and registration', () => {
    const key = (text: string) => /hashtextextended\(.*?, 0\)/.exec(text)?.[0];
    expect(key(erasureLock.shared(['r1']).text)).toBe(key(erasureLock.exclusive('r1').text));
    expect(erasureLock.shared(['r1', 'r2']).values).toEqual([['r1', 'r2']]);
  });
});
