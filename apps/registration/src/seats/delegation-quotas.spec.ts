import fc from 'fast-check';
import { SeatRules, type Seats } from './seats.rules.js';

function seats(overrides: Partial<Seats> = {}): Seats {
  return { capacity: 100, confirmed: 0, waitlisted: 0, delegationQuotas: {}, confirmedByDelegation: {}, ...overrides };
}

// Stuttgart Region holds Ludwigsburg, which holds a district; Rome stands alone.
const parents = { stuttgart: null, ludwigsburg: 'stuttgart', district: 'ludwigsburg', rome: null };

describe('delegation quotas with sub-delegations', () => {
  it("counts a sub-delegation's seat against its own quota and every quota above it", () => {
    const state = seats({ delegationParents: parents, delegationQuotas: { stuttgart: 3, ludwigsburg: 2 } });
    const after = SeatRules.afterConfirming(state, 'district');
    expect(after.confirmedByDelegation).toEqual({ stuttgart: 1, ludwigsburg: 1 });
  });

  it("refuses a seat in a sub-delegation once its parent's quota is used up, even with room in its own", () => {
    const state = seats({
      delegationParents: parents,
      delegationQuotas: { stuttgart: 2, ludwigsburg: 5 },
      confirmedByDelegation: { stuttgart: 2, ludwigsburg: 0 },
    });
    expect(SeatRules.canSeat('ludwigsburg', state)).toBe(false);
    expect(SeatRules.place('automatic', 'ludwigsburg', state).status).toBe('waitlisted');
    expect(SeatRules.canSeat('rome', state)).toBe(true);
  });

  it("refuses a seat in a sub-delegation whose own quota is used up, with room in the parent's", () => {
    const state = seats({
      delegationParents: parents,
      delegationQuotas: { stuttgart: 10, ludwigsburg: 1 },
      confirmedByDelegation: { stuttgart: 1, ludwigsburg: 1 },
    });
    expect(SeatRules.canSeat('ludwigsburg', state)).toBe(false);
    expect(SeatRules.canSeat('stuttgart', state)).toBe(true);
  });

  it('rolls counts of each delegation up into the quotas above it', () => {
    const state = { delegationParents: parents, delegationQuotas: { stuttgart: 5, ludwigsburg: 3 } };
    expect(SeatRules.rollUp(state, { stuttgart: 1, ludwigsburg: 2, district: 1, rome: 4 })).toEqual({ stuttgart: 4, ludwigsburg: 3 });
  });

  it('ends the walk up at a cycle instead of looping', () => {
    expect(SeatRules.chain({ a: 'b', b: 'a' }, 'a')).toEqual(['a', 'b']);
    expect(SeatRules.chain({}, 'constructor')).toEqual(['constructor']);
  });

  describe('canMoveSeat', () => {
    const full = seats({ delegationParents: parents, delegationQuotas: { rome: 2, stuttgart: 2 }, confirmedByDelegation: { rome: 2, stuttgart: 2 } });

    it('refuses to move a confirmed seat into a delegation whose quota is used up', () => {
      expect(SeatRules.canMoveSeat('barcelona', 'rome', full)).toEqual({ allowed: false, delegation: 'rome', quota: 2, confirmed: 2 });
      expect(SeatRules.canMoveSeat(null, 'ludwigsburg', full)).toEqual({ allowed: false, delegation: 'stuttgart', quota: 2, confirmed: 2 });
    });

    it("moves a seat within a parent freely: it never left the parent's quota", () => {
      expect(SeatRules.canMoveSeat('ludwigsburg', 'stuttgart', full)).toEqual({ allowed: true });
      expect(SeatRules.canMoveSeat('stuttgart', 'district', full)).toEqual({ allowed: true });
    });

    it('moves a seat into a delegation with room, without a quota, or out of every delegation', () => {
      expect(SeatRules.canMoveSeat('rome', 'granada', full)).toEqual({ allowed: true });
      expect(SeatRules.canMoveSeat('rome', null, full)).toEqual({ allowed: true });
      expect(SeatRules.canMoveSeat('rome', 'rome', full)).toEqual({ allowed: true });
    });

    it('counts a zero quota as full', () => {
      expect(SeatRules.canMoveSeat(null, 'rome', seats({ delegationQuotas: { rome: 0 } }))).toEqual({
        allowed: false,
        delegation: 'rome',
        quota: 0,
        confirmed: 0,
      });
    });
  });

  it('never confirms more than a parent quota covers, however its seats are spread over its sub-delegations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('stuttgart', 'ludwigsburg', 'district', 'rome', null), { maxLength: 60 }),
        fc.nat(10),
        fc.nat(10),
        (arrivals, parentQuota, childQuota) => {
          const state = seats({ delegationParents: parents, delegationQuotas: { stuttgart: parentQuota, ludwigsburg: childQuota } });
          const placements = SeatRules.placeInOrder('automatic', arrivals, state);
          const confirmed = arrivals.filter((_, index) => placements[index]!.status === 'confirmed');
          const inStuttgart = confirmed.filter((one) => one === 'stuttgart' || one === 'ludwigsburg' || one === 'district').length;
          const inLudwigsburg = confirmed.filter((one) => one === 'ludwigsburg' || one === 'district').length;
          expect(inStuttgart).toBeLessThanOrEqual(parentQuota);
          expect(inLudwigsburg).toBeLessThanOrEqual(Math.min(childQuota, parentQuota));
          // Quotas are used to the full: while the parent's has room, no one of the parent itself waits.
          if (inStuttgart < parentQuota)
            expect(confirmed.filter((one) => one === 'stuttgart')).toHaveLength(arrivals.filter((one) => one === 'stuttgart').length);
        },
      ),
    );
  });
});
