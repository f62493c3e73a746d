import { RegistrationRules } from './registration.rules.js';

describe('RegistrationRules', () => {
  describe('takenEmails', () => {
    it('takes an address registered already, and a repeat within the group after its first, whatever the case', () => {
      expect(RegistrationRules.takenEmails(['a@x.org', 'B@x.org', 'b@X.org', 'c@x.org', 'A@x.org'], ['a@x.ORG'])).toEqual([true, false, true, false, true]);
    });

    it('takes none of distinct new addresses', () => {
      expect(RegistrationRules.takenEmails(['a@x.org', 'b@x.org'], [])).toEqual([false, false]);
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
