import { related } from './nesting.rules.js';

/** A session as the conflict rules see it: two instants and where it begins and ends. */
export interface TimedSession {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Where the session starts and ends; the same city but for a transfer; null when it has no place. */
  startCity: string | null;
  endCity: string | null;
  /** The ids of the sessions that hold this one (the forum of a panel), at any depth; absent for none. */
  ancestors?: readonly string[];
}

export type Conflict =
  | { kind: 'overlap'; session: TimedSession }
  | { kind: 'transfer'; session: TimedSession; fromCity: string; toCity: string; transferMinutes: number; gapMinutes: number };

/** Minutes of travel between two cities, whichever way, as organisers set them. */
export class TransferTimes {
  private readonly minutes = new Map<string, number>();

  constructor(pairs: readonly { cityA: string; cityB: string; minutes: number }[] = []) {
    for (const pair of pairs) this.minutes.set(TransferTimes.key(pair.cityA, pair.cityB), pair.minutes);
  }

  /** The pair in name order, as it is stored. */
  static pair(a: string, b: string): [string, string] {
    return a < b ? [a, b] : [b, a];
  }

  between(a: string, b: string): number | null {
    return this.minutes.get(TransferTimes.key(a, b)) ?? null;
  }

  private static key(a: string, b: string): string {
    return TransferTimes.pair(a, b).join('\u0000');
  }
}

/** Half-open intervals: a session ending at 10:00 and one starting at 10:00 do not overlap. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * Why `candidate` cannot join a participant's `sessions`, or null: it overlaps one of them, or the
 * session just before or just after it is in another city with less time between them than the
 * transfer takes. Everything is compared as instants, so time zones, DST changes and the date line
 * change nothing; a pair of cities without a transfer time set is not checked. A session that holds the
 * candidate, or that it holds, is no conflict: being at the forum is being at its panels.
 */
export function findConflict(candidate: TimedSession, sessions: readonly TimedSession[], transfers: TransferTimes): Conflict | null {
  const others = sessions.filter((session) => session.sessionId !== candidate.sessionId && !related(session, candidate));
  const overlapping = others.filter((session) => overlaps(session, candidate)).sort(byStart)[0];
  if (overlapping) return { kind: 'overlap', session: overlapping };

  const before = others.filter((session) => session.endsAt <= candidate.startsAt).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
  const after = others.filter((session) => session.startsAt >= candidate.endsAt).sort(byStart)[0];
  if (before) {
    const tooClose = transferConflict(before.endCity, candidate.startCity, before.endsAt, candidate.startsAt, transfers);
    if (tooClose) return { kind: 'transfer', session: before, ...tooClose };
  }
  if (after) {
    const tooClose = transferConflict(candidate.endCity, after.startCity, candidate.endsAt, after.startsAt, transfers);
    if (tooClose) return { kind: 'transfer', session: after, ...tooClose };
  }
  return null;
}

function transferConflict(fromCity: string | null, toCity: string | null, leaves: Date, arrives: Date, transfers: TransferTimes) {
  if (!fromCity || !toCity || fromCity === toCity) return null;
  const transferMinutes = transfers.between(fromCity, toCity);
  if (transferMinutes === null) return null;
  const gapMinutes = (arrives.getTime() - leaves.getTime()) / 60_000;
  return gapMinutes < transferMinutes ? { fromCity, toCity, transferMinutes, gapMinutes } : null;
}

function byStart(a: TimedSession, b: TimedSession): number {
  return a.startsAt.getTime() - b.startsAt.getTime();
}

/** A participant whom a moved session now puts in conflict with another of their sessions. */
export interface ParticipantConflict {
  registrationId: string;
  conflict: Conflict;
}

/**
 * Who of `participants` (registration id → the sessions they are in, the moved one among them or
 * not) the session `moved`, at its new time and place, puts in conflict, by the same rules as an
 * enrolment; in registration id order.
 */
export function conflictsAfterMove(
  moved: TimedSession,
  participants: ReadonlyMap<string, readonly TimedSession[]>,
  transfers: TransferTimes,
): ParticipantConflict[] {
  return [...participants.keys()].sort().flatMap((registrationId) => {
    const conflict = findConflict(moved, participants.get(registrationId)!, transfers);
    return conflict ? [{ registrationId, conflict }] : [];
  });
}

/** The problem's words for a conflict: names the clashing session. */
export function describeConflict(conflict: Conflict): string {
  const other = `"${conflict.session.title}" (${conflict.session.startsAt.toISOString()}–${conflict.session.endsAt.toISOString()})`;
  if (conflict.kind === 'overlap') return `It overlaps ${other}.`;
  return (
    `${other} is in ${conflict.fromCity === conflict.session.endCity ? conflict.fromCity : conflict.toCity}; ` +
    `the transfer between ${conflict.fromCity} and ${conflict.toCity} takes ${conflict.transferMinutes} minutes, ` +
    `but there are only ${Math.round(conflict.gapMinutes)} between them.`
  );
}

/** A session as it is stored, at its venue, as the conflict rules see it: a transfer starts in one city and ends in another. */
export function timedSessionOf(
  session: { id: string; title: string; startsAt: Date; endsAt: Date; route: { from: string; to: string } | null },
  venue: { city: string } | null,
  ancestors: readonly string[] = [],
): TimedSession {
  return {
    ancestors,
    sessionId: session.id,
    title: session.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    startCity: session.route?.from ?? venue?.city ?? null,
    endCity: session.route?.to ?? venue?.city ?? null,
  };
}
