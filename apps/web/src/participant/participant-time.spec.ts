import { formatInstant, formatSpan } from './participant-time.js';

describe("times on the participant's pages", () => {
  it('shows a span on the given wall clock, the date once when both ends share it', () => {
    expect(formatSpan('2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', 'Asia/Shanghai', 'en-GB')).toBe('Mon, 10 June 2019, 09:00–11:00');
    expect(formatSpan('2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', 'Europe/Madrid', 'en-GB')).toBe('Mon, 10 June 2019, 03:00–05:00');
  });

  it('shows the date of both ends when they fall on two days of that clock', () => {
    expect(formatSpan('2019-06-10T14:00:00Z', '2019-06-10T18:00:00Z', 'Asia/Shanghai', 'en-GB')).toMatch(/10 June 2019.*22:00.*11 June 2019.*02:00/);
  });

  it('speaks Chinese for a Chinese page', () => {
    expect(formatSpan('2019-06-10T01:00:00Z', '2019-06-10T03:00:00Z', 'Asia/Shanghai', 'zh-CN')).toMatch(/2019.*6.*10.*周一.*09:00–11:00/);
  });

  it('names the zone of a single instant', () => {
    expect(formatInstant('2019-06-10T01:00:00Z', 'Europe/Madrid', 'en-GB')).toMatch(/10 June 2019.*03:00 CEST/);
  });
});
