import { actionPlanStatuses, type ActionPlanStatus } from '#contracts';
import fc from 'fast-check';
import { ActionPlanLifecycle, dueInstant, indicatorProgress, missingForSubmission, parseReminderOffsets, reminderTimes } from './action-plan.rules.js';

describe('the lifecycle of an action plan', () => {
  it('goes from draft through submission and approval to implementation and closing', () => {
    const path: ActionPlanStatus[] = ['draft', 'submitted', 'approved', 'in_implementation', 'closed'];
    for (let i = 1; i < path.length; i++) expect(ActionPlanLifecycle.check(path[i - 1]!, path[i]!)).toEqual({ allowed: true });
  });

  it('sends a submitted plan back to draft, and withdraws a plan only before it is carried out', () => {
    expect(ActionPlanLifecycle.check('submitted', 'draft').allowed).toBe(true);
    expect(ActionPlanLifecycle.check('approved', 'withdrawn').allowed).toBe(true);
    expect(ActionPlanLifecycle.check('in_implementation', 'withdrawn')).toEqual({ allowed: false, allowedStatuses: ['closed'] });
  });

  it('never skips approval, and a finished plan never moves again', () => {
    expect(ActionPlanLifecycle.check('draft', 'approved')).toEqual({ allowed: false, allowedStatuses: ['submitted', 'withdrawn'] });
    expect(ActionPlanLifecycle.check('draft', 'in_implementation').allowed).toBe(false);
    for (const to of actionPlanStatuses) {
      expect(ActionPlanLifecycle.check('closed', to).allowed).toBe(false);
      expect(ActionPlanLifecycle.check('withdrawn', to).allowed).toBe(false);
    }
  });

  it('reaches implementation only through approval, whatever the path (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actionPlanStatuses), { maxLength: 12 }), (moves) => {
        let status: ActionPlanStatus = 'draft';
        let approved = false;
        for (const to of moves) {
          if (!ActionPlanLifecycle.check(status, to).allowed) continue;
          if (to === 'in_implementation') expect(approved || status === 'approved').toBe(true);
          if (to === 'approved') approved = true;
          if (to === 'draft') approved = false;
          status = to;
        }
        expect(ActionPlanLifecycle.next(status).every((to) => ActionPlanLifecycle.check(status, to).allowed)).toBe(true);
      }),
    );
  });

  it('names what a plan lacks for submission', () => {
    expect(missingForSubmission({ authors: 0, pilotProjects: 0 })).toEqual(['authors', 'pilotProjects']);
    expect(missingForSubmission({ authors: 2, pilotProjects: 1 })).toEqual([]);
  });
});

describe('the progress of an indicator', () => {
  it('is 0 at the baseline and 1 at the target, upwards and downwards', () => {
    expect(indicatorProgress({ baseline: 10, target: 110 }, 10)).toBe(0);
    expect(indicatorProgress({ baseline: 10, target: 110 }, 60)).toBe(0.5);
    expect(indicatorProgress({ baseline: 10, target: 110 }, 110)).toBe(1);
    // Tonnes of CO₂: less is better.
    expect(indicatorProgress({ baseline: 1000, target: 600 }, 900)).toBe(0.25);
  });

  it('is clamped beyond either end, and null when there is nowhere to go', () => {
    expect(indicatorProgress({ baseline: 0, target: 50 }, -5)).toBe(0);
    expect(indicatorProgress({ baseline: 0, target: 50 }, 80)).toBe(1);
    expect(indicatorProgress({ baseline: 5, target: 5 }, 7)).toBeNull();
  });

  it('stays in [0, 1] and never falls as the value moves towards the target (property)', () => {
    const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(finite, finite, finite, finite, (baseline, target, a, b) => {
        fc.pre(baseline !== target);
        const indicator = { baseline, target };
        const [p, q] = [indicatorProgress(indicator, a)!, indicatorProgress(indicator, b)!];
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        // b is at least as far towards the target as a.
        const further = target > baseline ? b >= a : b <= a;
        if (further) expect(q).toBeGreaterThanOrEqual(p);
      }),
    );
  });
});

describe('the reminders of a milestone', () => {
  it('reads offsets with units, distinct and longest first, and refuses anything else', () => {
    expect(parseReminderOffsets('1d, 7d,1d')).toEqual([7 * 86_400_000, 86_400_000]);
    expect(parseReminderOffsets('12h,30m,45s,1500ms')).toEqual([43_200_000, 1_800_000, 45_000, 1500]);
    expect(() => parseReminderOffsets('7 days')).toThrow(/not a number with a unit/);
    expect(() => parseReminderOffsets('0s')).toThrow(/more than nothing/);
  });

  it('comes the offset before the start of the due date, UTC', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    expect(reminderTimes('2030-01-10', [7 * 86_400_000, 86_400_000], now)).toEqual([
      { offsetMs: 7 * 86_400_000, remindAt: new Date('2030-01-03T00:00:00Z') },
      { offsetMs: 86_400_000, remindAt: new Date('2030-01-09T00:00:00Z') },
    ]);
  });

  it('leaves out a reminder whose time has passed (seven days before a milestone due in three)', () => {
    const now = new Date('2030-01-07T12:00:00Z');
    expect(reminderTimes('2030-01-10', [7 * 86_400_000, 86_400_000], now).map((r) => r.offsetMs)).toEqual([86_400_000]);
    expect(reminderTimes('2030-01-07', [86_400_000], now)).toEqual([]);
  });

  it('is always after now and before the due date, one per distinct offset, in the order they come (property)', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.array(fc.integer({ min: 1, max: 30 * 86_400_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 3700 * 86_400_000 }),
        (dueOn, offsets, at) => {
          const now = new Date(Date.UTC(2025, 0, 1) + at);
          const times = reminderTimes(dueOn, offsets, now);
          const due = dueInstant(dueOn);
          expect(new Set(times.map((t) => t.offsetMs)).size).toBe(times.length);
          for (const { offsetMs, remindAt } of times) {
            expect(remindAt.getTime()).toBeGreaterThan(now.getTime());
            expect(remindAt.getTime()).toBeLessThan(due);
            expect(due - remindAt.getTime()).toBe(offsetMs);
          }
          for (let i = 1; i < times.length; i++) expect(times[i]!.remindAt.getTime()).toBeGreaterThan(times[i - 1]!.remindAt.getTime());
          // Every offset whose time is still to come is there.
          expect(times.length).toBe(new Set(offsets.filter((o) => due - o > now.getTime())).size);
        },
      ),
    );
  });
});
