import { dayIn, formatDate, formatTime, isTimeZone } from './time.js';

describe('time', () => {
  it('formats a moment in the zone asked for', () => {
    expect(formatTime('2019-06-10T01:30:00Z', 'Asia/Shanghai', 'en')).toBe('09:30');
    expect(formatTime('2019-06-10T01:30:00Z', 'Europe/Madrid', 'en')).toBe('03:30');
    expect(dayIn('2019-06-09T17:00:00Z', 'Asia/Shanghai')).toBe('2019-06-10');
  });

  it('formats a calendar date on its own day, in the language asked for', () => {
    expect(formatDate('2019-06-09', 'en')).toBe('June 9, 2019');
    expect(formatDate('2019-06-09', 'zh')).toBe('2019年6月9日');
  });

  it('knows a zone from a made-up one', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });
});
