import { matchesPrefix, parseCheckInCode } from './check-in-code.rules.js';

const id = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

describe('a check-in code', () => {
  it('is the registration id, typed in any case, or the last id in a scanned link', () => {
    expect(parseCheckInCode(id)).toEqual({ kind: 'id', registrationId: id });
    expect(parseCheckInCode(`  ${id.toUpperCase()} `)).toEqual({ kind: 'id', registrationId: id });
    expect(parseCheckInCode(`https://hub.example/p/check-in/${id}`)).toEqual({ kind: 'id', registrationId: id });
    expect(parseCheckInCode(`mission-hub:check-in:00000000-0000-4000-8000-000000000000:${id}`)).toEqual({ kind: 'id', registrationId: id });
  });

  it('may be the first characters of the id, dashes and spaces left out', () => {
    expect(parseCheckInCode('3F2B 8C1E')).toEqual({ kind: 'prefix', prefix: '3f2b8c1e' });
    expect(parseCheckInCode('3f2b8c1e-9a4d')).toEqual({ kind: 'prefix', prefix: '3f2b8c1e9a4d' });
    expect(matchesPrefix(id, '3f2b8c1e9a4d')).toBe(true);
    expect(matchesPrefix(id, '3f2b8c1f')).toBe(false);
  });

  it('is nothing when too short or not hexadecimal', () => {
    expect(parseCheckInCode('')).toBeNull();
    expect(parseCheckInCode('3f2b8c1')).toBeNull();
    expect(parseCheckInCode('Li Wei')).toBeNull();
    expect(parseCheckInCode('zzzzzzzzzz')).toBeNull();
  });
});
