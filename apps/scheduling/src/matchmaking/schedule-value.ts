/**
 * What the scheduler maximises, in one linear objective so that an integer program can compute its
 * exact optimum (bench/matchmaking) and every figure is a ratio to it:
 *
 *   value = Σ over scheduled meetings (MEETING_WORTH + priority)  +  FIRST_MEETING_BONUS × participants with ≥ 1 meeting
 *
 * - Meetings first: each scheduled meeting is worth 11 (priority 1) … 15 (priority 5), so two
 *   meetings of the lowest priority outweigh one of the highest, and among schedules with as many
 *   meetings the one with the higher priorities wins.
 * - Fairness: a participant's first meeting earns 10 more (20 when it is the first for both), so
 *   a participant with one request gets it before someone's tenth where only one of them fits, but
 *   nobody's only meeting costs two others theirs ("where the requests allow").
 */
export const MEETING_WORTH = 10;
export const FIRST_MEETING_BONUS = 10;

export function meetingWeight(priority: number): number {
  return MEETING_WORTH + priority;
}

export interface ScheduleValue {
  value: number;
  meetings: number;
  prioritySum: number;
  /** Participants with at least one meeting. */
  participantsServed: number;
}

/** The objective of a set of scheduled meetings, each given by its priority and its participants (two, or a group's). */
export function scheduleValue(scheduled: Iterable<{ priority: number; participants: readonly string[] }>): ScheduleValue {
  let meetings = 0;
  let prioritySum = 0;
  const served = new Set<string>();
  for (const meeting of scheduled) {
    meetings++;
    prioritySum += meeting.priority;
    for (const participant of meeting.participants) served.add(participant);
  }
  return {
    value: meetings * MEETING_WORTH + prioritySum + FIRST_MEETING_BONUS * served.size,
    meetings,
    prioritySum,
    participantsServed: served.size,
  };
}

export interface FairnessSummary {
  /** Participants with at least one request that could be scheduled (a slot both parties are available in). */
  participantsWithSchedulableRequests: number;
  /** Of those, how many got no meeting at all. */
  leftWithoutMeeting: number;
  /** Meetings per participant among those with a schedulable request: min, median, max. */
  min: number;
  median: number;
  max: number;
}

/** How evenly the meetings are spread over the participants who could have had one. */
export function fairnessSummary(meetingsPerParticipant: ReadonlyMap<string, number>, schedulable: ReadonlySet<string>): FairnessSummary {
  const counts = [...schedulable].map((id) => meetingsPerParticipant.get(id) ?? 0).sort((a, b) => a - b);
  return {
    participantsWithSchedulableRequests: counts.length,
    leftWithoutMeeting: counts.filter((count) => count === 0).length,
    min: counts[0] ?? 0,
    median: counts[Math.floor(counts.length / 2)] ?? 0,
    max: counts[counts.length - 1] ?? 0,
  };
}
