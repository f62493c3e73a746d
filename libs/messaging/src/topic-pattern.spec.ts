import { findMatchingPattern, isWildcardPattern, matchesTopic } from './topic-pattern.js';

describe('matchesTopic', () => {
  it.each([
    ['mission.created', 'mission.created', true],
    ['mission.created', 'mission.updated', false],
    ['mission.*', 'mission.created', true],
    ['mission.*', 'mission', false],
    ['mission.*', 'mission.created.again', false],
    ['*.created', 'mission.created', true],
    ['*', 'mission', true],
    ['*', 'mission.created', false],
    ['#', 'mission.created', true],
    ['#', 'a.b.c.d', true],
    ['#', '', true],
    ['mission.#', 'mission', true],
    ['mission.#', 'mission.created', true],
    ['mission.#', 'mission.a.b', true],
    ['mission.#', 'missions.created', false],
    ['#.created', 'mission.created', true],
    ['#.created', 'created', true],
    ['#.created', 'mission.created.not', false],
    ['a.#.z', 'a.z', true],
    ['a.#.z', 'a.b.c.z', true],
    ['a.#.z', 'a.b.c', false],
    ['a.*.#', 'a', false],
    ['a.*.#', 'a.b', true],
    ['a.*.#', 'a.b.c.d', true],
    ['#.#', 'a.b', true],
    ['registration.*', 'registration.confirmed', true],
    ['participant.*', 'registration.confirmed', false],
  ])('%s against %s → %s', (pattern, key, expected) => {
    expect(matchesTopic(pattern, key)).toBe(expected);
  });
});

describe('isWildcardPattern', () => {
  it('spots * and # only as whole words', () => {
    expect(isWildcardPattern('#')).toBe(true);
    expect(isWildcardPattern('mission.*')).toBe(true);
    expect(isWildcardPattern('mission.created')).toBe(false);
    expect(isWildcardPattern('mission.cre*ted')).toBe(false);
  });
});

describe('findMatchingPattern', () => {
  it('prefers the exact pattern over any wildcard, whatever the registration order', () => {
    expect(findMatchingPattern(['#', 'mission.*', 'mission.created'], 'mission.created')).toBe('mission.created');
  });

  it('falls back to the first matching wildcard pattern', () => {
    expect(findMatchingPattern(['registration.*', 'mission.*', '#'], 'mission.updated')).toBe('mission.*');
    expect(findMatchingPattern(['registration.*', '#'], 'mou.drafted')).toBe('#');
  });

  it('finds nothing when no pattern matches', () => {
    expect(findMatchingPattern(['registration.*'], 'mission.created')).toBeUndefined();
    expect(findMatchingPattern([], 'mission.created')).toBeUndefined();
  });

  it('does not treat a non-wildcard pattern as a prefix', () => {
    expect(findMatchingPattern(['mission'], 'mission.created')).toBeUndefined();
  });
});
