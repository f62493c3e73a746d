import type { ParticipantMessages } from './participant.catalogue.js';
import { problemKind, type ProblemAnswer } from './participant-api.js';

interface ConflictingSession {
  title: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Why a service refused what the participant asked, in their words: the problem's `type` says which
 * refusal, its extensions (`conflictsWith`, `transfer`) what it clashes with. `when` puts a span on
 * the participant's clocks.
 */
export function refusalWords(problem: ProblemAnswer, words: ParticipantMessages['refusal'], when: (startsAt: string, endsAt: string) => string): string {
  const clash = problem.conflictsWith as ConflictingSession | undefined;
  switch (problemKind(problem)) {
    case 'schedule-conflict':
      if (clash) return words.overlap(clash.title, when(clash.startsAt, clash.endsAt));
      break;
    case 'transfer-too-short': {
      const transfer = problem.transfer as { between?: string[]; minutes?: number } | undefined;
      if (clash && transfer?.between?.length === 2 && typeof transfer.minutes === 'number') {
        return words.transfer(clash.title, when(clash.startsAt, clash.endsAt), transfer.minutes, transfer.between[0]!, transfer.between[1]!);
      }
      break;
    }
    case 'already-enrolled':
      return words.alreadyEnrolled;
    case 'session-cancelled':
      return words.cancelled;
    case 'session-not-released':
      return words.notReleased;
    case 'not-a-confirmed-participant':
      return words.notConfirmed;
    case 'forbidden':
      return words.forOthers;
    case 'not-found':
      return words.notFound;
    case 'already-cancelled':
      return words.alreadyCancelled;
    case 'already-answered':
    case 'meeting-closed':
      return words.alreadyAnswered;
  }
  // A refusal the pages have no words for yet: the service's own words beat none.
  return problem.detail ? `${words.other} ${problem.detail}` : words.other;
}
