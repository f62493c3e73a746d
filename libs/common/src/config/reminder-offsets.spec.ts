import fc from 'fast-check';
import { dueOffset, durationMs, horizonMs, parseReminderOffsets, type ReminderOffset } from './reminder-offsets.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('reminder offsets', () => {
  it('reads ISO 8601 durations of weeks, days, hours, minutes and seconds', () => {
    expect(durationMs('P1D')).toBe(DAY);
    expect(durationMs('PT1H')).toBe(HOUR);
    expect(durationMs('PT90S')).toBe(90_000);
    expect(durationMs('P1W')).toBe(7 * DAY);
    expect(durationMs('P1DT2H30M')).toBe(DAY + 2.5 * HOUR);
    for (const wrong of ['', 'P', 'PT', '1D', 'P1M', 'P1Y', 'PT0S', 'P1DT', 'pt1h', 'PT-1H', 'PT1.5H'])
      expect({ wrong, ms: durationMs(wrong) }).toEqual({ wrong, ms: null });
  });

  it('parses a list longest first, each length once, and refuses a typo', () => {
    expect(parseReminderOffsets('PT1H, P1D,PT60M')).toEqual([
      { offset: 'P1D', ms: DAY },
      { offset: 'PT1H', ms: HOUR },
    ]);
    expect(parseReminderOffsets('')).toEqual([]);
    expect(parseReminderOffsets('none')).toEqual([]);
    expect(() => parseReminderOffsets('P1D,1H')).toThrow('1H is not a duration');
    expect(horizonMs(parseReminderOffsets('PT1H,P2D'))).toBe(2 * DAY);
    expect(horizonMs([])).toBe(0);
  });

  it('is due at the shortest offset whose time has come, and never once it started', () => {
    const offsets = parseReminderOffsets('P1D,PT1H');
    const start = new Date('2019-06-10T09:00:00Z');
    const at = (ms: number) => dueOffset(start, offsets, new Date(start.getTime() - ms))?.offset ?? null;
    expect(at(DAY + 1)).toBeNull();
    expect(at(DAY)).toBe('P1D');
    expect(at(2 * HOUR)).toBe('P1D');
    expect(at(HOUR)).toBe('PT1H');
    // A service down through the day's reminder and back within the hour sends the hour's only.
    expect(at(1)).toBe('PT1H');
    expect(at(0)).toBeNull();
    expect(at(-MINUTE)).toBeNull();
  });

  const offsetLists = fc
    .uniqueArray(fc.integer({ min: 1, max: 3 * DAY }), { minLength: 1, maxLength: 4 })
    .map((ms): ReminderOffset[] => ms.sort((a, b) => b - a).map((length) => ({ offset: `PT${length / 1000}S`, ms: length })));

  it('answers an offset only when its time has come and the start has not, the shortest of those', () => {
    fc.assert(
      fc.property(offsetLists, fc.integer({ min: -DAY, max: 4 * DAY }), (offsets, before) => {
        const start = new Date(1_560_000_000_000);
        const now = new Date(start.getTime() - before);
        const due = dueOffset(start, offsets, now);
        const reached = offsets.filter((offset) => start.getTime() - offset.ms <= now.getTime());
        if (before <= 0 || reached.length === 0) return due === null;
        return due !== null && due.ms === Math.min(...reached.map((offset) => offset.ms));
      }),
    );
  });

  /**
   * The reminder service as a model: at each look it sends the due offset for the session's start as it
   * then stands, unless the ledger has that (start, offset). The session moves once, between two looks.
   */
  it('after a move, never reminds of the old time, reminds of the new one once per offset, and each (start, offset) at most once', () => {
    fc.assert(
      fc.property(
        offsetLists,
        fc.integer({ min: 2 * HOUR, max: 5 * DAY }),
        fc.integer({ min: 2 * HOUR, max: 5 * DAY }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 * DAY }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 6 * DAY }),
        (offsets, oldStartIn, newStartIn, lookTimes, movedAt) => {
          const oldStart = oldStartIn;
          const newStart = newStartIn === oldStartIn ? newStartIn + MINUTE : newStartIn;
          const ledger = new Set<string>();
          const sent: { start: number; offset: number; at: number }[] = [];
          for (const at of lookTimes.sort((a, b) => a - b)) {
            const start = at < movedAt ? oldStart : newStart;
            const due = dueOffset(new Date(start), offsets, new Date(at));
            if (!due || ledger.has(`${start}|${due.ms}`)) continue;
            ledger.add(`${start}|${due.ms}`);
            sent.push({ start, offset: due.ms, at });
          }
          const afterMove = sent.filter((reminder) => reminder.at >= movedAt);
          const keys = sent.map((reminder) => `${reminder.start}|${reminder.offset}`);
          return (
            afterMove.every((reminder) => reminder.start === newStart) &&
            new Set(keys).size === keys.length &&
            sent.every((reminder) => reminder.at < reminder.start && reminder.at >= reminder.start - reminder.offset)
          );
        },
      ),
    );
  });
});
