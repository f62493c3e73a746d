import { overlaps } from './conflict.rules.js';
import { related } from './nesting.rules.js';

/** A session as the booking rules see it: where (venue, room of it or the whole venue), when, and the sessions holding it. */
export interface Booking {
  sessionId: string;
  title: string;
  venueId: string | null;
  /** Null: the whole venue. */
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
  /** The ids of the sessions holding it, at any depth. */
  ancestors: readonly string[];
}

/**
 * Whether two sessions take the same place: the same venue, and the same room or the whole venue for
 * either (a session without a room fills the venue). Two rooms of one venue are two places.
 */
export function samePlace(a: Pick<Booking, 'venueId' | 'roomId'>, b: Pick<Booking, 'venueId' | 'roomId'>): boolean {
  if (a.venueId === null || a.venueId !== b.venueId) return false;
  return a.roomId === null || b.roomId === null || a.roomId === b.roomId;
}

/**
 * Whether two sessions double-book a place: the same place at overlapping times, unless one holds the
 * other (the forum's panels take place in its hall, during it).
 */
export function doubleBooks(a: Booking, b: Booking): boolean {
  return a.sessionId !== b.sessionId && samePlace(a, b) && overlaps(a, b) && !related(a, b);
}

/** The first session (earliest) that `candidate` would double-book, or null. */
export function findDoubleBooking(candidate: Booking, bookings: readonly Booking[]): Booking | null {
  return [...bookings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).find((booking) => doubleBooks(candidate, booking)) ?? null;
}

/**
 * A session's seats in a room: no more than the room has. Without a capacity of its own, the session
 * takes the room's; with more than the room's, it is refused (null then).
 */
export function capacityIn(capacity: number | null, room: { capacity: number } | null): { capacity: number | null } | null {
  if (!room) return { capacity };
  if (capacity === null) return { capacity: room.capacity };
  return capacity <= room.capacity ? { capacity } : null;
}
