import fc from 'fast-check';
import { SeatRules, type CategoryOfSeat, type Seats } from './seats.rules.js';

function seats(overrides: Partial<Seats> = {}): Seats {
  return { capacity: 10, confirmed: 0, waitlisted: 0, delegationQuotas: {}, confirmedByDelegation: {}, ...overrides };
}

const delegate: CategoryOfSeat = { id: 'delegate', approval: 'automatic', waitlist: true };
const guest: CategoryOfSeat = { id: 'guest', approval: 'automatic', waitlist: false };
const press: CategoryOfSeat = { id: 'press', approval: 'manual', waitlist: true };

describe('SeatRules with registration categories', () => {
  describe('place', () => {
    it('confirms while the mission and the category both have seats', () => {
      const state = seats({ capacity: 5, confirmed: 2, categoryCapacities: { delegate: 3 }, confirmedByCategory: { delegate: 2 } });
      expect(SeatRules.place('automatic', null, state, delegate)).toEqual({ status: 'confirmed', waitlistPosition: null });
    });

    it('waitlists when the category is full although the mission has seats', () => {
      const state = seats({ capacity: 5, confirmed: 3, waitlisted: 1, categoryCapacities: { delegate: 3 }, confirmedByCategory: { delegate: 3 } });
      expect(SeatRules.place('automatic', null, state, delegate)).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
    });

    it('waitlists when the mission is full although the category has seats', () => {
      const state = seats({ capacity: 3, confirmed: 3, categoryCapacities: { delegate: 10 }, confirmedByCategory: { delegate: 1 } });
      expect(SeatRules.place('automatic', null, state, delegate).status).toBe('waitlisted');
    });

    it('refuses, instead of waitlisting, in a category that keeps no waiting list', () => {
      const full = seats({ capacity: 5, confirmed: 2, categoryCapacities: { guest: 2 }, confirmedByCategory: { guest: 2 } });
      expect(SeatRules.place('automatic', null, full, guest)).toEqual({ status: 'refused', reason: 'no-seat', waitlistPosition: null });
      expect(SeatRules.place('automatic', null, seats({ capacity: 1, confirmed: 1 }), guest).status).toBe('refused');
      expect(SeatRules.place('automatic', null, seats(), guest).status).toBe('confirmed');
    });

    it("takes the category's approval mode over the mission's", () => {
      expect(SeatRules.place('automatic', null, seats(), press).status).toBe('pending_approval');
      expect(SeatRules.place('manual', null, seats(), delegate).status).toBe('confirmed');
      expect(SeatRules.place('manual', null, seats(), null).status).toBe('pending_approval');
    });

    it('limits a category without a capacity (null) or without an entry by the mission only', () => {
      const state = seats({ capacity: 5, confirmed: 4, categoryCapacities: { delegate: null }, confirmedByCategory: { delegate: 4 } });
      expect(SeatRules.place('automatic', null, state, delegate).status).toBe('confirmed');
      expect(SeatRules.place('automatic', null, state, { ...delegate, id: 'unknown' }).status).toBe('confirmed');
    });

    it('does not take a category named like an object property for a capacity', () => {
      expect(SeatRules.canSeat(null, seats({ categoryCapacities: {} }), 'constructor')).toBe(true);
    });

    it('needs the delegation quota too', () => {
      const state = seats({ delegationQuotas: { Lyon: 1 }, confirmedByDelegation: { Lyon: 1 }, confirmed: 1, categoryCapacities: { delegate: 5 } });
      expect(SeatRules.place('automatic', 'Lyon', state, delegate).status).toBe('waitlisted');
      expect(SeatRules.place('automatic', 'Lyon', state, guest).status).toBe('refused');
    });
  });

  describe('placeInOrder', () => {
    it('counts each confirmed registration against its category', () => {
      const state = seats({ capacity: 10, categoryCapacities: { delegate: 2, guest: 1 } });
      expect(
        SeatRules.placeInOrder('automatic', [null, null, null, null, null], state, [delegate, guest, delegate, guest, delegate]).map((p) => p.status),
      ).toEqual(['confirmed', 'confirmed', 'confirmed', 'refused', 'waitlisted']);
    });

    it('gives a refused registration no place in the waitlist', () => {
      const state = seats({ capacity: 1, confirmed: 1 });
      expect(SeatRules.placeInOrder('automatic', [null, null, null], state, [delegate, guest, delegate])).toEqual([
        { status: 'waitlisted', waitlistPosition: 1 },
        { status: 'refused', reason: 'no-seat', waitlistPosition: null },
        { status: 'waitlisted', waitlistPosition: 2 },
      ]);
    });
  });

  describe('promotions', () => {
    it('passes over the waitlisted of a full category, who keep their place, for the next in line that fits', () => {
      const waitlist = [
        { id: 'visit-3', delegation: null, categoryId: 'visit' },
        { id: 'forum-2', delegation: null, categoryId: 'forum' },
      ];
      const state = seats({
        capacity: 3,
        confirmed: 2,
        waitlisted: 2,
        categoryCapacities: { visit: 2, forum: null },
        confirmedByCategory: { visit: 2, forum: 0 },
      });
      const { promoted, seats: after } = SeatRules.promotions(waitlist, state);
      expect(promoted.map((r) => r.id)).toEqual(['forum-2']);
      expect(after.confirmedByCategory).toEqual({ visit: 2, forum: 1 });
    });

    it("gives a seat freed in a full category to that category's first in line", () => {
      const waitlist = [
        { id: 'visit-3', delegation: null, categoryId: 'visit' },
        { id: 'forum-2', delegation: null, categoryId: 'forum' },
      ];
      const state = seats({ capacity: 3, confirmed: 2, waitlisted: 2, categoryCapacities: { visit: 2 }, confirmedByCategory: { visit: 1 } });
      expect(SeatRules.promotions(waitlist, state).promoted.map((r) => r.id)).toEqual(['visit-3']);
    });
  });

  describe('properties', () => {
    type Registration = { id: number; delegation: string | null; categoryId: string | null; status: 'confirmed' | 'waitlisted' | 'cancelled' };
    type Step = { kind: 'arrive'; group: { delegation: number; category: number }[] } | { kind: 'cancel'; pick: number };

    const delegations = ['Lyon', 'Rome', null] as const;
    const scenario = fc.record({
      capacity: fc.integer({ min: 0, max: 12 }),
      quotas: fc.record({
        Lyon: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        Rome: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      }),
      categories: fc.array(fc.record({ capacity: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }), waitlist: fc.boolean() }), {
        minLength: 0,
        maxLength: 3,
      }),
      steps: fc.array(
        fc.oneof(
          fc.record({
            kind: fc.constant('arrive' as const),
            group: fc.array(fc.record({ delegation: fc.nat(2), category: fc.nat(3) }), { minLength: 1, maxLength: 8 }),
          }),
          fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(50) }),
        ),
        { maxLength: 25 },
      ) as fc.Arbitrary<Step[]>,
    });

    /** The seats as the database would count them from the registrations. */
    function count(
      registrations: readonly Registration[],
      capacity: number,
      quotas: Record<string, number>,
      categoryCapacities: Record<string, number | null>,
    ): Seats {
      const confirmed = registrations.filter((r) => r.status === 'confirmed');
      const tally = (key: (r: Registration) => string | null) =>
        confirmed.reduce<Record<string, number>>((counts, r) => {
          const k = key(r);
          if (k !== null) counts[k] = (counts[k] ?? 0) + 1;
          return counts;
        }, {});
      return {
        capacity,
        confirmed: confirmed.length,
        waitlisted: registrations.filter((r) => r.status === 'waitlisted').length,
        delegationQuotas: quotas,
        confirmedByDelegation: Object.fromEntries(Object.entries(tally((r) => r.delegation)).filter(([d]) => Object.hasOwn(quotas, d))),
        categoryCapacities,
        confirmedByCategory: tally((r) => r.categoryId),
      };
    }

    it('never confirms more than the mission, any category or any delegation allows, and leaves no waitlisted registration that would fit', () => {
      fc.assert(
        fc.property(scenario, ({ capacity, quotas: maybeQuotas, categories: categoryInputs, steps }) => {
          const quotas = Object.fromEntries(Object.entries(maybeQuotas).filter(([, quota]) => quota !== undefined)) as Record<string, number>;
          const categories = categoryInputs.map((input, index): CategoryOfSeat & { capacity: number | null } => ({
            id: `c${index}`,
            approval: 'automatic',
            waitlist: input.waitlist,
            capacity: input.capacity,
          }));
          const capacities = Object.fromEntries(categories.map((category) => [category.id, category.capacity]));
          const registrations: Registration[] = [];
          const state = () => count(registrations, capacity, quotas, capacities);

          for (const step of steps) {
            if (step.kind === 'arrive') {
              const arrivals = step.group.map(({ delegation, category }) => ({
                delegation: delegations[delegation]!,
                category: categories.length === 0 ? null : categories[category % categories.length]!,
              }));
              const placements = SeatRules.placeInOrder(
                'automatic',
                arrivals.map((a) => a.delegation),
                state(),
                arrivals.map((a) => a.category),
              );
              placements.forEach((placement, index) => {
                const { delegation, category } = arrivals[index]!;
                // Refused only when there was no seat, and only in a category without a waiting list.
                if (placement.status === 'refused') expect(category?.waitlist).toBe(false);
                else
                  registrations.push({
                    id: registrations.length,
                    delegation,
                    categoryId: category?.id ?? null,
                    status: placement.status as 'confirmed' | 'waitlisted',
                  });
              });
            } else {
              const active = registrations.filter((r) => r.status === 'confirmed');
              if (active.length === 0) continue;
              active[step.pick % active.length]!.status = 'cancelled';
              const { promoted } = SeatRules.promotions(
                registrations.filter((r) => r.status === 'waitlisted'),
                state(),
              );
              for (const registration of promoted) registration.status = 'confirmed';
              // What is left waiting could not be seated.
              const after = state();
              for (const waiting of registrations.filter((r) => r.status === 'waitlisted'))
                expect(SeatRules.canSeat(waiting.delegation, after, waiting.categoryId)).toBe(false);
            }

            const now = state();
            expect(now.confirmed).toBeLessThanOrEqual(capacity);
            for (const category of categories)
              if (category.capacity !== null) expect(now.confirmedByCategory![category.id] ?? 0).toBeLessThanOrEqual(category.capacity);
            for (const [delegation, quota] of Object.entries(quotas)) expect(now.confirmedByDelegation[delegation] ?? 0).toBeLessThanOrEqual(quota);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('fills the mission exactly when no category or quota binds first: one group or many, the same count', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 }), (capacity, arrivals, groupSize) => {
          let state = seats({ capacity, categoryCapacities: { delegate: null } });
          let confirmed = 0;
          for (let start = 0; start < arrivals; start += groupSize) {
            const size = Math.min(groupSize, arrivals - start);
            const placements = SeatRules.placeInOrder('automatic', Array(size).fill(null), state, Array(size).fill(delegate));
            for (const placement of placements) {
              if (placement.status === 'confirmed') state = SeatRules.afterConfirming(state, null, 'delegate');
              if (placement.status === 'waitlisted') state = { ...state, waitlisted: state.waitlisted + 1 };
            }
            confirmed = state.confirmed;
          }
          expect(confirmed).toBe(Math.min(capacity, arrivals));
        }),
      );
    });
  });

  describe('with delegations within delegations (a parent quota covers its parts)', () => {
    // Region holds Ludwigsburg and Esslingen; Rome stands alone; null: no delegation.
    const parents = { region: null, ludwigsburg: 'region', esslingen: 'region', rome: null } as const;
    const keys = ['region', 'ludwigsburg', 'esslingen', 'rome', null] as const;
    type Registration = { delegation: string | null; categoryId: string | null; status: 'confirmed' | 'waitlisted' | 'cancelled' };

    /** The seats as the repository and the service count them: confirmed per delegation on its own, rolled up. */
    function count(
      registrations: readonly Registration[],
      capacity: number,
      quotas: Record<string, number>,
      categoryCapacities: Record<string, number | null>,
    ): Seats {
      const confirmed = registrations.filter((r) => r.status === 'confirmed');
      const own: Record<string, number> = {};
      const byCategory: Record<string, number> = {};
      for (const r of confirmed) {
        if (r.delegation !== null) own[r.delegation] = (own[r.delegation] ?? 0) + 1;
        if (r.categoryId !== null) byCategory[r.categoryId] = (byCategory[r.categoryId] ?? 0) + 1;
      }
      const shape = { delegationQuotas: quotas, delegationParents: parents };
      return {
        capacity,
        confirmed: confirmed.length,
        waitlisted: registrations.filter((r) => r.status === 'waitlisted').length,
        ...shape,
        confirmedByDelegation: SeatRules.rollUp(shape, own),
        categoryCapacities,
        confirmedByCategory: byCategory,
      };
    }

    it('counts a confirmed seat against its category and every quota up the chain', () => {
      const state = seats({ delegationQuotas: { region: 3, ludwigsburg: 2 }, delegationParents: parents, categoryCapacities: { delegate: 5 } });
      const after = SeatRules.afterConfirming(state, 'ludwigsburg', 'delegate');
      expect(after.confirmedByDelegation).toEqual({ region: 1, ludwigsburg: 1 });
      expect(after.confirmedByCategory).toEqual({ delegate: 1 });
    });

    it("refuses a seat in a category without a waiting list when the parent's quota is used, though its own has room", () => {
      const state = seats({
        confirmed: 2,
        delegationQuotas: { region: 2, ludwigsburg: 5 },
        delegationParents: parents,
        confirmedByDelegation: { region: 2, ludwigsburg: 1 },
        categoryCapacities: { guest: 5 },
        confirmedByCategory: { guest: 1 },
      });
      expect(SeatRules.place('automatic', 'ludwigsburg', state, guest).status).toBe('refused');
      expect(SeatRules.place('automatic', 'ludwigsburg', state, delegate).status).toBe('waitlisted');
      expect(SeatRules.place('automatic', 'rome', state, guest).status).toBe('confirmed');
    });

    it('never passes the mission, a category or any quota up the chain, and leaves no waitlisted registration that would fit', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 12 }),
          fc.record({
            region: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
            ludwigsburg: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
            rome: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          }),
          fc.array(fc.record({ capacity: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }), waitlist: fc.boolean() }), { minLength: 1, maxLength: 3 }),
          fc.array(fc.oneof(fc.array(fc.record({ delegation: fc.nat(4), category: fc.nat(2) }), { minLength: 1, maxLength: 8 }), fc.nat(50)), {
            maxLength: 25,
          }),
          (capacity, maybeQuotas, categoryInputs, steps) => {
            const quotas = Object.fromEntries(Object.entries(maybeQuotas).filter(([, quota]) => quota !== undefined)) as Record<string, number>;
            const categories = categoryInputs.map((input, index) => ({ id: `c${index}`, approval: 'automatic' as const, ...input }));
            const capacities = Object.fromEntries(categories.map((category) => [category.id, category.capacity]));
            const registrations: Registration[] = [];
            const state = () => count(registrations, capacity, quotas, capacities);
            for (const step of steps) {
              if (typeof step === 'number') {
                const active = registrations.filter((r) => r.status === 'confirmed');
                if (active.length === 0) continue;
                active[step % active.length]!.status = 'cancelled';
                for (const registration of SeatRules.promotions(
                  registrations.filter((r) => r.status === 'waitlisted'),
                  state(),
                ).promoted)
                  registration.status = 'confirmed';
                const after = state();
                for (const waiting of registrations.filter((r) => r.status === 'waitlisted'))
                  expect(SeatRules.canSeat(waiting.delegation, after, waiting.categoryId)).toBe(false);
              } else {
                const arrivals = step.map(({ delegation, category }) => ({
                  delegation: keys[delegation]!,
                  category: categories[category % categories.length]!,
                }));
                SeatRules.placeInOrder(
                  'automatic',
                  arrivals.map((a) => a.delegation),
                  state(),
                  arrivals.map((a) => a.category),
                ).forEach((placement, index) => {
                  if (placement.status === 'refused') expect(arrivals[index]!.category.waitlist).toBe(false);
                  else
                    registrations.push({
                      delegation: arrivals[index]!.delegation,
                      categoryId: arrivals[index]!.category.id,
                      status: placement.status as 'confirmed' | 'waitlisted',
                    });
                });
              }
              const now = state();
              expect(now.confirmed).toBeLessThanOrEqual(capacity);
              for (const category of categories)
                if (category.capacity !== null) expect(now.confirmedByCategory![category.id] ?? 0).toBeLessThanOrEqual(category.capacity);
              // Counted from the registrations themselves, not from the rules' own roll-up.
              for (const [delegation, quota] of Object.entries(quotas)) {
                const within = registrations.filter(
                  (r) => r.status === 'confirmed' && r.delegation !== null && SeatRules.chain(parents, r.delegation).includes(delegation),
                );
                expect(within.length).toBeLessThanOrEqual(quota);
              }
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
