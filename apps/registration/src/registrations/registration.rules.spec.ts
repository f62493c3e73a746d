import { RegistrationRules, type Seats } from './registration.rules.js';

function seats(overrides: Partial<Seats> = {}): Seats {
  return { capacity: 10, confirmed: 0, waitlisted: 0, delegationQuotas: {}, confirmedByDelegation: {}, ...overrides };
}

describe('RegistrationRules', () => {
  describe('window', () => {
    const opensAt = new Date('2025-03-01T00:00:00Z');
    const closesAt = new Date('2025-04-01T00:00:00Z');

    it('is open between opensAt (inclusive) and closesAt (exclusive)', () => {
      expect(RegistrationRules.window({ opensAt, closesAt }, opensAt)).toBe('open');
      expect(RegistrationRules.window({ opensAt, closesAt }, new Date('2025-03-15T00:00:00Z'))).toBe('open');
      expect(RegistrationRules.window({ opensAt, closesAt }, new Date(closesAt.getTime() - 1))).toBe('open');
    });

    it('is not yet open before opensAt and closed from closesAt on', () => {
      expect(RegistrationRules.window({ opensAt, closesAt }, new Date(opensAt.getTime() - 1))).toBe('not-yet-open');
      expect(RegistrationRules.window({ opensAt, closesAt }, closesAt)).toBe('closed');
    });

    it('is always open without bounds', () => {
      expect(RegistrationRules.window({ opensAt: null, closesAt: null }, new Date(0))).toBe('open');
    });
  });

  describe('place', () => {
    it('puts every registration in the approval queue under manual approval, full or not', () => {
      expect(RegistrationRules.place('manual', null, seats())).toEqual({ status: 'pending_approval', waitlistPosition: null });
      expect(RegistrationRules.place('manual', null, seats({ capacity: 0 }))).toEqual({ status: 'pending_approval', waitlistPosition: null });
    });

    it('confirms while there are seats', () => {
      expect(RegistrationRules.place('automatic', null, seats({ capacity: 2, confirmed: 1 }))).toEqual({ status: 'confirmed', waitlistPosition: null });
    });

    it('waitlists at the end of the waitlist when full', () => {
      expect(RegistrationRules.place('automatic', null, seats({ capacity: 2, confirmed: 2, waitlisted: 3 }))).toEqual({
        status: 'waitlisted',
        waitlistPosition: 4,
      });
      expect(RegistrationRules.place('automatic', null, seats({ capacity: 0 }))).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    });

    it('waitlists a delegation that has used its quota although seats are free', () => {
      const state = seats({ delegationQuotas: { Granada: 2 }, confirmedByDelegation: { Granada: 2 }, confirmed: 2 });
      expect(RegistrationRules.place('automatic', 'Granada', state).status).toBe('waitlisted');
      expect(RegistrationRules.place('automatic', 'Rome', state).status).toBe('confirmed');
      expect(RegistrationRules.place('automatic', null, state).status).toBe('confirmed');
    });

    it('treats a quota of zero as no seat for the delegation', () => {
      expect(RegistrationRules.place('automatic', 'Rome', seats({ delegationQuotas: { Rome: 0 } })).status).toBe('waitlisted');
    });

    it('does not take a delegation named like an object property for a quota', () => {
      expect(RegistrationRules.place('automatic', 'constructor', seats()).status).toBe('confirmed');
    });

    it('never confirms more than capacity, however many ask one after another', () => {
      let state = seats({ capacity: 150 });
      const outcomes: string[] = [];
      for (let i = 0; i < 200; i++) {
        const placement = RegistrationRules.place('automatic', null, state);
        outcomes.push(placement.status);
        state = placement.status === 'confirmed' ? RegistrationRules.afterConfirming(state, null) : { ...state, waitlisted: state.waitlisted + 1 };
      }
      expect(outcomes.filter((status) => status === 'confirmed')).toHaveLength(150);
      expect(state.waitlisted).toBe(50);
    });
  });

  describe('promotions', () => {
    const waitlist = [
      { id: 'a', delegation: 'Granada' },
      { id: 'b', delegation: null },
      { id: 'c', delegation: 'Rome' },
    ];

    it('moves the first of the waitlist into a free seat', () => {
      const { promoted, seats: after } = RegistrationRules.promotions(waitlist, seats({ capacity: 5, confirmed: 4, waitlisted: 3 }));
      expect(promoted.map((r) => r.id)).toEqual(['a']);
      expect(after).toMatchObject({ confirmed: 5, waitlisted: 2 });
    });

    it('fills every free seat in waitlist order', () => {
      const { promoted } = RegistrationRules.promotions(waitlist, seats({ capacity: 10, confirmed: 8, waitlisted: 3 }));
      expect(promoted.map((r) => r.id)).toEqual(['a', 'b']);
    });

    it('passes over a delegation whose quota is used up', () => {
      const state = seats({ capacity: 5, confirmed: 4, waitlisted: 3, delegationQuotas: { Granada: 1 }, confirmedByDelegation: { Granada: 1 } });
      expect(RegistrationRules.promotions(waitlist, state).promoted.map((r) => r.id)).toEqual(['b']);
    });

    it('counts the seats it gives to a delegation against its quota', () => {
      const list = [
        { id: 'a', delegation: 'Rome' },
        { id: 'b', delegation: 'Rome' },
        { id: 'c', delegation: 'Granada' },
      ];
      const state = seats({ capacity: 10, confirmed: 0, waitlisted: 3, delegationQuotas: { Rome: 1 } });
      const { promoted, seats: after } = RegistrationRules.promotions(list, state);
      expect(promoted.map((r) => r.id)).toEqual(['a', 'c']);
      expect(after.confirmedByDelegation).toEqual({ Rome: 1 });
    });

    it('promotes no one when there is no free seat', () => {
      expect(RegistrationRules.promotions(waitlist, seats({ capacity: 3, confirmed: 3 })).promoted).toEqual([]);
      expect(RegistrationRules.promotions(waitlist, seats({ capacity: 2, confirmed: 3 })).promoted).toEqual([]);
    });
  });

  describe('check', () => {
    const at = (status: Parameters<typeof RegistrationRules.check>[1]['status'], checkedInAt: Date | null = null) => ({ status, checkedInAt });

    it('lets a pending registration be approved, rejected or cancelled', () => {
      for (const action of ['approve', 'reject', 'cancel'] as const) expect(RegistrationRules.check(action, at('pending_approval'))).toEqual({ allowed: true });
      expect(RegistrationRules.check('check-in', at('pending_approval'))).toEqual({
        allowed: false,
        reason: 'invalid-transition',
        allowedActions: ['approve', 'reject', 'cancel'],
      });
    });

    it('approves and rejects only pending registrations', () => {
      for (const status of ['confirmed', 'waitlisted', 'rejected', 'cancelled'] as const) {
        expect(RegistrationRules.check('approve', at(status)).allowed).toBe(false);
        expect(RegistrationRules.check('reject', at(status)).allowed).toBe(false);
      }
    });

    it('cancels a confirmed or waitlisted registration once', () => {
      expect(RegistrationRules.check('cancel', at('confirmed'))).toEqual({ allowed: true });
      expect(RegistrationRules.check('cancel', at('waitlisted'))).toEqual({ allowed: true });
      expect(RegistrationRules.check('cancel', at('cancelled'))).toEqual({ allowed: false, reason: 'invalid-transition', allowedActions: [] });
      expect(RegistrationRules.check('cancel', at('rejected'))).toEqual({ allowed: false, reason: 'invalid-transition', allowedActions: [] });
    });

    it('checks in confirmed registrations only, and only once', () => {
      expect(RegistrationRules.check('check-in', at('confirmed'))).toEqual({ allowed: true });
      expect(RegistrationRules.check('check-in', at('waitlisted'))).toEqual({ allowed: false, reason: 'invalid-transition', allowedActions: ['cancel'] });
      expect(RegistrationRules.check('check-in', at('confirmed', new Date()))).toEqual({
        allowed: false,
        reason: 'already-checked-in',
        allowedActions: ['cancel'],
      });
    });
  });
});
