import type { RegistrationStatus } from '#contracts';

/** What an organiser or a participant can do to a registration. */
export type RegistrationAction = 'approve' | 'reject' | 'cancel' | 'check-in';

export type TransitionCheck = { allowed: true } | { allowed: false; reason: 'already-checked-in' | 'invalid-transition'; allowedActions: RegistrationAction[] };

const actionsByStatus: Record<RegistrationStatus, readonly RegistrationAction[]> = {
  pending_approval: ['approve', 'reject', 'cancel'],
  confirmed: ['cancel', 'check-in'],
  waitlisted: ['cancel'],
  rejected: [],
  cancelled: [],
};

/**
 * The lifecycle of a registration: plain code, tested without Nest, a database or a broker. The
 * allocation of seats is `SeatRules` (seats/).
 */
export class RegistrationRules {
  /**
   * Which of the e-mail addresses arriving together, in their order, are taken: registered to the
   * mission already (`registered`, as the database found them) or by one earlier in the same group.
   * Case-insensitive, as the database's uniqueness is.
   */
  static takenEmails(emails: readonly string[], registered: Iterable<string>): boolean[] {
    const taken = new Set([...registered].map((email) => email.toLowerCase()));
    return emails.map((email) => {
      const key = email.toLowerCase();
      if (taken.has(key)) return true;
      taken.add(key);
      return false;
    });
  }

  static allowedActions(registration: { status: RegistrationStatus; checkedInAt: Date | null }): RegistrationAction[] {
    const actions = actionsByStatus[registration.status];
    return registration.checkedInAt ? actions.filter((action) => action !== 'check-in') : [...actions];
  }

  static check(action: RegistrationAction, registration: { status: RegistrationStatus; checkedInAt: Date | null }): TransitionCheck {
    const allowedActions = RegistrationRules.allowedActions(registration);
    if (allowedActions.includes(action)) return { allowed: true };
    if (action === 'check-in' && registration.status === 'confirmed') return { allowed: false, reason: 'already-checked-in', allowedActions };
    return { allowed: false, reason: 'invalid-transition', allowedActions };
  }
}
