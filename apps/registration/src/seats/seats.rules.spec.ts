import { SeatRules, type Seats } from './seats.rules.js';

function seats(overrides: Partial<Seats> = {}): Seats {
  return { capacity: 10, confirmed: 0, waitlisted: 0, delegationQuotas: {}, confirmedByDelegation: {}, ...overrides };
}

describe('SeatRules', () => {
  describe('window', () => {
    const opensAt = new Date('2025-03-01T00:00:00Z');
    const closesAt = new Date('2025-04-01T00:00:00Z');

    it('is open between opensAt (inclusive) and closesAt (exclusive)', () => {
      expect(SeatRules.window({ opensAt, closesAt }, opensAt)).toBe('open');
      expect(SeatRules.window({ opensAt, closesAt }, new Date('2025-03-15T00:00:00Z'))).toBe('open');
      expect(SeatRules.window({ opensAt, closesAt }, new Date(closesAt.getTime() - 1))).toBe('open');
    });

    it('is not yet open before opensAt and closed from closesAt on', () => {
      expect(SeatRules.window({ opensAt, closesAt }, new Date(opensAt.getTime() - 1))).toBe('not-yet-open');
      expect(SeatRules.window({ opensAt, closesAt }, closesAt)).toBe('closed');
    });

    it('is always open without bounds', () => {
      expect(SeatRules.window({ opensAt: null, closesAt: null }, new Date(0))).toBe('open');
    });
  });

  describe('place', () => {
    it('puts every registration in the approval queue under manual approval, full or not', () => {
      expect(SeatRules.place('manual', null, seats())).toEqual({ status: 'pending_approval', waitlistPosition: null });
      expect(SeatRules.place('manual', null, seats({ capacity: 0 }))).toEqual({ status: 'pending_approval', waitlistPosition: null });
    });

    it('confirms while there are seats', () => {
      expect(SeatRules.place('automatic', null, seats({ capacity: 2, confirmed: 1 }))).toEqual({ status: 'confirmed', waitlistPosition: null });
    });

    it('waitlists at the end of the waitlist when full', () => {
      expect(SeatRules.place('automatic', null, seats({ capacity: 2, confirmed: 2, waitlisted: 3 }))).toEqual({
        status: 'waitlisted',
        waitlistPosition: 4,
      });
      expect(SeatRules.place('automatic', null, seats({ capacity: 0 }))).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('waitlists a delegation that has used its quota although seats are free', () => {
      const state = seats({ delegationQuotas: { Granada: 2 }, confirmedByDelegation: { Granada: 2 }, confirmed: 2 });
      expect(SeatRules.place('automatic', 'Granada', state).status).toBe('waitlisted');
      expect(SeatRules.place('automatic', 'Rome', state).status).toBe('confirmed');
      expect(SeatRules.place('automatic', null, state).status).toBe('confirmed');
    });

    it('treats a quota of zero as no seat for the delegation', () => {
      expect(SeatRules.place('automatic', 'Rome', seats({ delegationQuotas: { Rome: 0 } })).status).toBe('waitlisted');
    });

    it('does not take a delegation named like an object property for a quota', () => {
      expect(SeatRules.place('automatic', 'constructor', seats()).status).toBe('confirmed');
    });

    it('never confirms more than capacity, however many ask one after another', () => {
      let state = seats({ capacity: 150 });
      const outcomes: string[] = [];
      for (let i = 0; i < 200; i++) {
        const placement = SeatRules.place('automatic', null, state);
        outcomes.push(placement.status);
        state = placement.status === 'confirmed' ? SeatRules.afterConfirming(state, null) : { ...state, waitlisted: state.waitlisted + 1 };
      }
      expect(outcomes.filter((status) => status === 'confirmed')).toHaveLength(150);
      expect(state.waitlisted).toBe(50);
    });
  });

  describe('placeInOrder', () => {
    it('confirms in arrival order until the seats are gone, then waitlists at the next places', () => {
      expect(SeatRules.placeInOrder('automatic', [null, null, null, null], seats({ capacity: 3, confirmed: 1, waitlisted: 4 }))).toEqual([
        { status: 'confirmed', waitlistPosition: null },
        { status: 'confirmed', waitlistPosition: null },
        { status: 'waitlisted', waitlistPosition: 5 },
        { status: 'waitlisted', waitlistPosition: 6 },
      ]);
    });

    it("counts each confirmed one against its delegation's quota, so a later one of that delegation waits while others still get seats", () => {
      const placements = SeatRules.placeInOrder(
        'automatic',
        ['Chengdu', 'Chengdu', 'Lyon', 'Chengdu'],
        seats({ capacity: 10, delegationQuotas: { Chengdu: 2 }, confirmedByDelegation: { Chengdu: 1 } }),
      );
      expect(placements.map((placement) => placement.status)).toEqual(['confirmed', 'waitlisted', 'confirmed', 'waitlisted']);
      expect(placements.map((placement) => placement.waitlistPosition)).toEqual([null, 1, null, 2]);
    });

    it('puts every one in the approval queue under manual approval', () => {
      expect(SeatRules.placeInOrder('manual', [null, 'Lyon'], seats({ capacity: 0 })).map((placement) => placement.status)).toEqual([
        'pending_approval',
        'pending_approval',
      ]);
    });
  });

  describe('promotions', () => {
    const waitlist = [
      { id: 'a', delegation: 'Granada' },
      { id: 'b', delegation: null },
      { id: 'c', delegation: 'Rome' },
    ];

    it('moves the first of the waitlist into a free seat', () => {
      const { promoted, seats: after } = SeatRules.promotions(waitlist, seats({ capacity: 5, confirmed: 4, waitlisted: 3 }));
      expect(promoted.map((r) => r.id)).toEqual(['a']);
      expect(after).toMatchObject({ confirmed: 5, waitlisted: 2 });
    });

    it('fills every free seat in waitlist order', () => {
      const { promoted } = SeatRules.promotions(waitlist, seats({ capacity: 10, confirmed: 8, waitlisted: 3 }));
      expect(promoted.map((r) => r.id)).toEqual(['a', 'b']);
    });

    it('passes over a delegation whose quota is used up', () => {
      const state = seats({ capacity: 5, confirmed: 4, waitlisted: 3, delegationQuotas: { Granada: 1 }, confirmedByDelegation: { Granada: 1 } });
      expect(SeatRules.promotions(waitlist, state).promoted.map((r) => r.id)).toEqual(['b']);
    });

    it('counts the seats it gives to a delegation against its quota', () => {
      const list = [
        { id: 'a', delegation: 'Rome' },
        { id: 'b', delegation: 'Rome' },
        { id: 'c', delegation: 'Granada' },
      ];
      const state = seats({ capacity: 10, confirmed: 0, waitlisted: 3, delegationQuotas: { Rome: 1 } });
      const { promoted, seats: after } = SeatRules.promotions(list, state);
      expect(promoted.map((r) => r.id)).toEqual(['a', 'c']);
      expect(after.confirmedByDelegation).toEqual({ Rome: 1 });
    });

    it('promotes no one when there is no free seat', () => {
      expect(SeatRules.promotions(waitlist, seats({ capacity: 3, confirmed: 3 })).promoted).toEqual([]);
      expect(SeatRules.promotions(waitlist, seats({ capacity: 2, confirmed: 3 })).promoted).toEqual([]);
    });
  });
});
