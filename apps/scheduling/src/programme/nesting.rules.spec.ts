import fc from 'fast-check';
import { ancestorsOf, childrenAfterChange, descendantsOf, heightOf, liesWithin, MAX_NESTING_DEPTH, nestingProblem, related, shifted } from './nesting.rules.js';

const at = (hour: number) => new Date(Date.UTC(2019, 5, 12, 0, hour * 60));
const forum = { id: 'forum', kind: 'forum' as const, status: 'active' as const, startsAt: at(1), endsAt: at(4.5), ancestors: [] as string[] };
const panel = (from: number, to: number, id: string | null = null) => ({ id, height: 1, startsAt: at(from), endsAt: at(to) });

/** Two intervals on one day, in minutes, each at least a minute long. */
const interval = fc.tuple(fc.integer({ min: 0, max: 24 * 60 }), fc.integer({ min: 1, max: 12 * 60 })).map(([start, length]) => ({
  startsAt: new Date(Date.UTC(2019, 5, 12) + start * 60_000),
  endsAt: new Date(Date.UTC(2019, 5, 12) + (start + length) * 60_000),
}));

describe('sessions holding sessions', () => {
  it('takes a panel within the forum’s time, ends included, and refuses one that leaves it', () => {
    expect(nestingProblem(panel(1, 2), forum)).toBeNull();
    expect(nestingProblem(panel(3.5, 4.5), forum)).toBeNull();
    expect(nestingProblem(panel(0.5, 2), forum)).toEqual({ kind: 'outside-parent' });
    expect(nestingProblem(panel(4, 5), forum)).toEqual({ kind: 'outside-parent' });
  });

  it('refuses an unknown, cancelled or transfer parent, a loop, and nesting deeper than the limit', () => {
    expect(nestingProblem(panel(1, 2), null)).toEqual({ kind: 'not-found' });
    expect(nestingProblem(panel(1, 2), { ...forum, status: 'cancelled' })).toEqual({ kind: 'parent-cancelled' });
    expect(nestingProblem(panel(1, 2), { ...forum, kind: 'transfer' })).toEqual({ kind: 'parent-is-transfer' });
    expect(nestingProblem(panel(1, 2, 'forum'), forum)).toEqual({ kind: 'loop' });
    expect(nestingProblem(panel(1, 2, 'day'), { ...forum, ancestors: ['day'] })).toEqual({ kind: 'loop' });
    expect(MAX_NESTING_DEPTH).toBe(3);
    expect(nestingProblem(panel(1, 2), { ...forum, ancestors: ['day'] })).toBeNull();
    expect(nestingProblem(panel(1, 2), { ...forum, ancestors: ['panel', 'day'] })).toEqual({ kind: 'too-deep', depth: 4 });
    // A session that holds one level already, moved under a session that is itself held: four levels.
    expect(nestingProblem({ ...panel(1, 2, 'panel'), height: 2 }, { ...forum, ancestors: ['day'] })).toEqual({ kind: 'too-deep', depth: 4 });
  });

  it('walks the parents up and down', () => {
    const parents = new Map<string, string | null>([
      ['day', null],
      ['forum', 'day'],
      ['panel-1', 'forum'],
      ['panel-2', 'forum'],
      ['other', null],
    ]);
    expect(ancestorsOf('forum', parents)).toEqual(['forum', 'day']);
    expect(ancestorsOf(null, parents)).toEqual([]);
    expect(descendantsOf('day', parents)).toEqual(['forum', 'panel-1', 'panel-2']);
    expect(heightOf('day', parents)).toBe(3);
    expect(heightOf('panel-1', parents)).toBe(1);
    // A loop (never stored) does not hang the walk.
    expect(
      ancestorsOf(
        'a',
        new Map([
          ['a', 'b'],
          ['b', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b']);
    expect(related({ sessionId: 'panel-1', ancestors: ['forum', 'day'] }, { sessionId: 'day' })).toBe(true);
    expect(related({ sessionId: 'panel-1', ancestors: ['forum', 'day'] }, { sessionId: 'panel-2', ancestors: ['forum', 'day'] })).toBe(false);
  });

  it('takes the children along when the parent moves, keeps them when it grows, refuses to leave one outside', () => {
    const children = [panel(1, 2, 'p1'), panel(3, 4.5, 'p3')];
    expect(childrenAfterChange(forum, { startsAt: at(2), endsAt: at(5.5) }, children)).toEqual({ kind: 'move', shift: 3_600_000 });
    expect(childrenAfterChange(forum, { startsAt: at(0), endsAt: at(5) }, children)).toEqual({ kind: 'stay' });
    expect(childrenAfterChange(forum, { startsAt: at(1), endsAt: at(4) }, children)).toEqual({ kind: 'outside', children: [children[1]] });
    expect(childrenAfterChange(forum, forum, children)).toEqual({ kind: 'stay' });
  });

  it('never leaves a child outside its parent: accepted only within, and still within after any change the parent is allowed', () => {
    fc.assert(
      fc.property(interval, interval, interval, (parent, child, next) => {
        const accepted = nestingProblem({ ...child, id: 'c', height: 1 }, { ...parent, id: 'p', kind: 'forum', status: 'active', ancestors: [] }) === null;
        expect(accepted).toBe(liesWithin(child, parent));
        if (!accepted) return;
        const plan = childrenAfterChange(parent, next, [child]);
        const after = plan.kind === 'move' ? shifted(child, plan.shift) : child;
        if (plan.kind !== 'outside') expect(liesWithin(after, next)).toBe(true);
        else expect(liesWithin(child, next)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
