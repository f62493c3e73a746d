import { instantOf, localIso } from './local-time.js';

describe('local time of an instant', () => {
  it('shows an instant on the wall clocks of two cities', () => {
    const instant = new Date('2019-06-10T01:00:00Z');
    expect(localIso(instant, 'Asia/Shanghai')).toBe('2019-06-10T09:00:00+08:00');
    expect(localIso(instant, 'Europe/Madrid')).toBe('2019-06-10T03:00:00+02:00');
    expect(localIso(instant, 'UTC')).toBe('2019-06-10T01:00:00+00:00');
  });

  it('follows a DST change: the same wall-clock hour is an hour shorter apart on the day clocks go forward', () => {
    const before = instantOf('2019-03-31T01:30', 'Europe/Madrid');
    const after = instantOf('2019-03-31T03:30', 'Europe/Madrid');
    expect(before.toISOString()).toBe('2019-03-31T00:30:00.000Z');
    expect(after.toISOString()).toBe('2019-03-31T01:30:00.000Z');
    expect(localIso(after, 'Europe/Madrid')).toBe('2019-03-31T03:30:00+02:00');
  });

  it('crosses the date line: Auckland’s Monday morning is Honolulu’s Sunday', () => {
    const instant = instantOf('2019-06-10T09:00', 'Pacific/Auckland');
    expect(instant.toISOString()).toBe('2019-06-09T21:00:00.000Z');
    expect(localIso(instant, 'Pacific/Honolulu')).toBe('2019-06-09T11:00:00-10:00');
    expect(localIso(instant, 'Asia/Kolkata')).toBe('2019-06-10T02:30:00+05:30');
  });
});
