import type { Translate } from '../kit/messages.js';
import { problemKind, type ProblemDetails } from './participant-api.js';
import type { ParticipantKey } from './participant.messages.js';

interface ConflictingSession {
  title: string;
  startsAt: string;
  endsAt: string;
}

const plainRefusals: Record<string, ParticipantKey> = {
  'already-enrolled': 'refusal.alreadyEnrolled',
  'session-cancelled': 'refusal.cancelled',
  'session-not-released': 'refusal.notReleased',
  'not-a-confirmed-participant': 'refusal.notConfirmed',
  forbidden: 'refusal.forOthers',
  'not-found': 'refusal.notFound',
  'already-cancelled': 'refusal.alreadyCancelled',
  'already-answered': 'refusal.alreadyAnswered',
  'meeting-closed': 'refusal.alreadyAnswered',
  'delegation-full': 'refusal.delegationFull',
  'already-erased': 'refusal.erased',
  'invalid-transition': 'refusal.transition',
};

/**
 * Why a service refused what the participant asked, in their words: the problem's `type` says which
 * refusal, its extensions (`conflictsWith`, `transfer`) what it clashes with. `when` puts a span on
 * the participant's clock.
 */
export function refusalWords(problem: ProblemDetails, t: Translate<ParticipantKey>, when: (startsAt: string, endsAt: string) => string): string {
  const kind = problemKind(problem);
  const clash = problem.conflictsWith as ConflictingSession | undefined;
  if (kind === 'schedule-conflict' && clash) return t('refusal.overlap', { title: clash.title, when: when(clash.startsAt, clash.endsAt) });
  if (kind === 'transfer-too-short' && clash) {
    const transfer = problem.transfer as { between?: string[]; minutes?: number } | undefined;
    if (transfer?.between?.length === 2 && typeof transfer.minutes === 'number') {
      const [from, to] = transfer.between as [string, string];
      return t('refusal.transfer', { title: clash.title, when: when(clash.startsAt, clash.endsAt), from, to, minutes: transfer.minutes });
    }
  }
  if (kind in plainRefusals) return t(plainRefusals[kind]!);
  // A refusal the pages have no words for yet: the service's own words beat none.
  return problem.detail ? t('refusal.otherDetail', { detail: problem.detail }) : t('refusal.other');
}
