import type { ActionPlanStatus } from '#contracts';

/** Where each status of a plan may go: submitted for approval, sent back or approved, carried out, closed; withdrawn before it is carried out. */
const transitions: Record<ActionPlanStatus, readonly ActionPlanStatus[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['draft', 'approved', 'withdrawn'],
  approved: ['in_implementation', 'withdrawn'],
  in_implementation: ['closed'],
  closed: [],
  withdrawn: [],
};

export type PlanTransitionCheck = { allowed: true } | { allowed: false; allowedStatuses: ActionPlanStatus[] };

/** The lifecycle of an action plan as plain code. */
export const ActionPlanLifecycle = {
  next(from: ActionPlanStatus): ActionPlanStatus[] {
    return [...transitions[from]];
  },

  check(from: ActionPlanStatus, to: ActionPlanStatus): PlanTransitionCheck {
    return transitions[from].includes(to) ? { allowed: true } : { allowed: false, allowedStatuses: [...transitions[from]] };
  },

  /** A closed or withdrawn plan takes no more changes, and its milestones remind nobody. */
  isFinished(status: ActionPlanStatus): boolean {
    return status === 'closed' || status === 'withdrawn';
  },
};

/** What submitting a plan needs: someone who wrote it and something to carry out. Each missing field is named. */
export function missingForSubmission(plan: { authors: number; pilotProjects: number }): string[] {
  const missing: string[] = [];
  if (plan.authors === 0) missing.push('authors');
  if (plan.pilotProjects === 0) missing.push('pilotProjects');
  return missing;
}

/**
 * How far a value has come from the baseline towards the target, 0 (at or behind the baseline) to 1
 * (at or beyond the target); a target below the baseline (less CO₂) counts downwards. Null when the
 * target is the baseline: there is no way to go.
 */
export function indicatorProgress(indicator: { baseline: number; target: number }, value: number): number | null {
  const span = indicator.target - indicator.baseline;
  if (span === 0 || !Number.isFinite(span)) return null;
  const progress = (value - indicator.baseline) / span;
  return Math.min(1, Math.max(0, progress));
}

const DAY_MS = 86_400_000;
const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** `7d,1d` (or `12h`, `30m`, `45s`, `1500ms`): how long before a milestone's due date it is reminded of. Distinct, longest first. */
export function parseReminderOffsets(value: string): number[] {
  const offsets = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d+)(ms|s|m|h|d)$/.exec(part);
      if (!match) throw new Error(`reminder offset "${part}" is not a number with a unit (ms, s, m, h, d), e.g. 7d`);
      const ms = Number(match[1]) * UNITS[match[2]!]!;
      if (ms <= 0) throw new Error(`reminder offset "${part}" must be more than nothing`);
      return ms;
    });
  return [...new Set(offsets)].sort((a, b) => b - a);
}

/** A milestone due on a day is due at that day's start, UTC: a reminder a day before it comes the day before. */
export function dueInstant(dueOn: string): number {
  return Date.parse(`${dueOn}T00:00:00Z`);
}

/**
 * The reminders a milestone due on `dueOn` gets, as of `now`: one per offset whose time is still to
 * come (a reminder seven days before a milestone due in three is not sent late: the one-day one is).
 */
export function reminderTimes(dueOn: string, offsetsMs: readonly number[], now: Date): { offsetMs: number; remindAt: Date }[] {
  const due = dueInstant(dueOn);
  return [...new Set(offsetsMs)]
    .filter((offset) => offset > 0 && due - offset > now.getTime())
    .sort((a, b) => b - a)
    .map((offsetMs) => ({ offsetMs, remindAt: new Date(due - offsetMs) }));
}
