import { formatInstant, formatInterval, formatLocalDate, fullName, sameWallClock } from './mail-format.js';

describe('formatInterval', () => {
  it('gives start and end with the weekday in the zone asked for', () => {
    // 01:00–02:30 UTC on 10 June 2019: 03:00 in Madrid (CEST), 09:00 in Chengdu.
    expect(formatInterval('2019-06-10T01:00:00Z', '2019-06-10T02:30:00Z', 'Europe/Madrid', 'en-GB')).toBe('Monday, 10 June 2019, 03:00–04:30');
    expect(formatInterval('2019-06-10T01:00:00Z', '2019-06-10T02:30:00Z', 'Asia/Shanghai', 'zh-CN')).toBe('2019年6月10日星期一 09:00–10:30');
  });

  it('repeats the day when the interval crosses midnight in that zone', () => {
    const text = formatInterval('2019-06-10T21:00:00Z', '2019-06-10T23:00:00Z', 'Europe/Madrid', 'en-GB');
    expect(text).toMatch(/10 June 2019.*23:00.*11 June 2019.*01:00/);
  });
});

describe('formatLocalDate', () => {
  it('never moves a calendar date by a time zone', () => {
    expect(formatLocalDate('2019-06-30', 'en-GB')).toBe('30 June 2019');
    expect(formatLocalDate('2019-06-30', 'zh-CN')).toBe('2019年6月30日');
  });
});

describe('sameWallClock', () => {
  it('is true for one zone, or for two zones that show the same time at every instant', () => {
    expect(sameWallClock(['2019-06-10T01:00:00Z'], 'Asia/Shanghai', 'Asia/Shanghai')).toBe(true);
    expect(sameWallClock(['2019-06-10T01:00:00Z'], 'Asia/Shanghai', 'Asia/Chongqing')).toBe(true);
    expect(sameWallClock(['2019-06-10T01:00:00Z'], 'Europe/Madrid', 'Asia/Shanghai')).toBe(false);
  });

  it('tells zones apart that agree only part of the year', () => {
    // London and Lisbon agree all year; London and Reykjavik only in winter.
    expect(sameWallClock(['2019-01-10T12:00:00Z'], 'Europe/London', 'Atlantic/Reykjavik')).toBe(true);
    expect(sameWallClock(['2019-01-10T12:00:00Z', '2019-06-10T12:00:00Z'], 'Europe/London', 'Atlantic/Reykjavik')).toBe(false);
  });
});

describe('fullName', () => {
  it('writes a name in Chinese characters family name first, and every other name as given', () => {
    expect(fullName('伟', '李')).toBe('李伟');
    expect(fullName('Ana', 'García')).toBe('Ana García');
    expect(fullName('Wei', 'Li')).toBe('Wei Li');
  });
});

describe('formatInstant', () => {
  it('gives a long date and time', () => {
    expect(formatInstant('2019-06-01T08:30:00Z', 'Europe/Madrid', 'en-GB')).toBe('1 June 2019 at 10:30');
  });
});
