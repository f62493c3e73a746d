import { timeZone } from './shared.js';

describe('a time zone in input', () => {
  it('takes IANA names, the longest included', () => {
    expect(timeZone.safeParse('Asia/Shanghai').success).toBe(true);
    expect(timeZone.safeParse('America/Argentina/ComodRivadavia').success).toBe(true);
  });

  it('refuses what the zone database does not know, every time it is asked', () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const parsed = timeZone.safeParse('Mars/Olympus_Mons');
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/IANA time zone/);
    }
  });

  it('refuses a long string without asking the zone database', () => {
    const parsed = timeZone.safeParse(`Europe/${'x'.repeat(60_000)}`);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.code)).toContain('too_big');
  });
});
