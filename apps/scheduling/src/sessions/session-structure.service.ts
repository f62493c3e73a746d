import { Problem, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { Mission } from '../missions/mission.js';
import { capacityIn, findDoubleBooking, type Booking } from '../programme/room.rules.js';
import { ancestorsOf, MAX_NESTING_DEPTH, nestingProblem, type Interval } from '../programme/nesting.rules.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import type { Session } from '../programme/session.js';
import type { Room, Venue } from '../programme/venue.js';
import type { SessionInput } from './session.schema.js';
import { SessionsRepository } from './sessions.repository.js';

/** Where a session takes place, as checked: its venue, the room of it, and its seats (bounded by the room's). */
export interface Place {
  venue: Venue | null;
  room: Room | null;
  capacity: number | null;
}

/** The session that holds another, as checked: locked, with its own ancestors' ids. */
export interface Parent {
  session: Session;
  ancestors: string[];
}

/**
 * The programme's structure as sessions are created and changed: which session holds which (see
 * nesting.rules.ts), and where each takes place without double-booking a venue or a room of it (see
 * room.rules.ts). Sessions are locked from the top down (a parent before its children), venues after.
 */
@Injectable()
export class SessionStructure {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly programme: ProgrammeRepository,
  ) {}

  /** Each of the mission's sessions' parent, by id. */
  parents(unit: UnitOfWork, missionId: string): Promise<Map<string, string | null>> {
    return this.programme.parentsOf(unit, missionId);
  }

  /** The parent session, locked (before the child is: the lock order is from the top down); null when there is none or it is not the mission's. */
  lockParent(unit: UnitOfWork, missionId: string, parentSessionId: string | null | undefined): Promise<Session | null> {
    return parentSessionId ? this.sessions.lock(unit, missionId, parentSessionId) : Promise.resolve(null);
  }

  /**
   * The parent that `child` names (locked before by `lockParent`), checked: it runs, is no transfer, is
   * not the child nor one it holds, keeps the nesting within MAX_NESTING_DEPTH, and holds the child's time.
   */
  parentOf(
    child: Interval & { id: string | null; height: number; parentSessionId: string | null },
    locked: Session | null,
    parents: ReadonlyMap<string, string | null>,
  ): Parent | null {
    if (!child.parentSessionId) return null;
    const parent = locked && locked.id === child.parentSessionId ? { session: locked, ancestors: ancestorsOf(locked.parentSessionId, parents) } : null;
    const problem = nestingProblem(child, parent && { ...parent.session, ancestors: parent.ancestors });
    const field = (message: string) => Problem.validation([{ field: 'parentSessionId', message }]);
    switch (problem?.kind) {
      case undefined:
        return parent;
      case 'not-found':
        throw field('is not a session of this mission');
      case 'loop':
        throw field('is the session itself or one that it holds');
      case 'parent-is-transfer':
        throw field('is a transfer, which holds no sessions');
      case 'too-deep':
        throw field(`would nest sessions ${problem.depth} deep; ${MAX_NESTING_DEPTH} at most`);
      case 'parent-cancelled':
        throw Problem.conflict('session-cancelled', 'The parent session is cancelled', `"${parent!.session.title}" was cancelled.`);
      case 'outside-parent': {
        const outer = parent!.session;
        throw Problem.conflict(
          'outside-parent',
          'The session does not lie within its parent',
          `"${outer.title}" runs ${outer.startsAt.toISOString()}–${outer.endsAt.toISOString()}; a session it holds lies within that time.`,
          { parent: { sessionId: outer.id, title: outer.title, startsAt: outer.startsAt.toISOString(), endsAt: outer.endsAt.toISOString() } },
        );
      }
    }
  }

  /**
   * The session's venue (of this mission) and room (of that venue), its route (between the mission's
   * cities, or two venues of one), its seats (no more than the room's), and no other running session
   * in the same place at the same time but those that hold it or that it holds: the venue's row is
   * locked, so two bookings take turns. `ancestors` are those of the session; `parents`, the mission's.
   */
  async placeOf(
    unit: UnitOfWork,
    mission: Mission,
    input: SessionInput,
    sessionId: string | null,
    ancestors: readonly string[],
    parents: ReadonlyMap<string, string | null>,
  ): Promise<Place> {
    const cities = mission.cities.map((city) => city.name);
    for (const end of ['from', 'to'] as const) {
      const city = input.route?.[end];
      if (city !== undefined && !cities.includes(city)) {
        throw Problem.validation([{ field: `route.${end}`, message: `must be one of the mission's cities: ${cities.join(', ')}` }]);
      }
      const venueId = input.route?.[`${end}VenueId`];
      if (venueId !== undefined) {
        const venue = await this.programme.venue(unit, venueId);
        if (!venue || venue.missionId !== mission.id || venue.city !== city) {
          throw Problem.validation([{ field: `route.${end}VenueId`, message: `is not a venue of this mission in ${city}` }]);
        }
      }
    }
    if (!input.venueId) return { venue: null, room: null, capacity: input.capacity ?? null };
    const venue = await this.sessions.lockVenue(unit, mission.id, input.venueId);
    if (!venue) throw Problem.validation([{ field: 'venueId', message: 'is not a venue of this mission' }]);
    const room = await this.programme.room(unit, input.roomId ?? null);
    if (input.roomId && room?.venueId !== venue.id) throw Problem.validation([{ field: 'roomId', message: `is not a room of ${venue.name}` }]);
    const seats = capacityIn(input.capacity ?? null, room);
    if (!seats) throw Problem.validation([{ field: 'capacity', message: `is more than the ${room!.capacity} seats of ${room!.name}` }]);

    const candidate: Booking = {
      sessionId: sessionId ?? '',
      title: input.title,
      venueId: venue.id,
      roomId: room?.id ?? null,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      ancestors,
    };
    await this.refuseDoubleBooking(unit, venue, room, candidate, new Set(sessionId ? [sessionId] : []), parents);
    return { venue, room, capacity: seats.capacity };
  }

  /**
   * A session that moves with the session holding it (by `shift`), still in its own place: nothing but
   * the sessions that move along (`moving`) or hold it may be there at its new time.
   */
  async checkMoved(unit: UnitOfWork, session: Session, moving: ReadonlySet<string>, parents: ReadonlyMap<string, string | null>): Promise<void> {
    if (!session.venueId) return;
    const venue = (await this.sessions.lockVenue(unit, session.missionId, session.venueId))!;
    const room = await this.programme.room(unit, session.roomId);
    const candidate: Booking = { ...bookingOf(session, parents), roomId: room?.id ?? null };
    await this.refuseDoubleBooking(unit, venue, room, candidate, moving, parents);
  }

  /** Every session that `sessionId` holds, at any depth, locked from the top down; cancelled ones included. */
  async lockDescendants(unit: UnitOfWork, sessionId: string): Promise<Session[]> {
    const found: Session[] = [];
    let level = [sessionId];
    while (level.length > 0) {
      const next: Session[] = [];
      for (const id of level) next.push(...(await this.sessions.lockChildren(unit, id)));
      found.push(...next);
      level = next.map((session) => session.id);
    }
    return found;
  }

  private async refuseDoubleBooking(
    unit: UnitOfWork,
    venue: Venue,
    room: Room | null,
    candidate: Booking,
    except: ReadonlySet<string>,
    parents: ReadonlyMap<string, string | null>,
  ): Promise<void> {
    const booked = (await this.sessions.bookedAt(unit, venue.id, candidate.startsAt, candidate.endsAt, null)).filter((other) => !except.has(other.id));
    const clash = findDoubleBooking(
      candidate,
      booked.map((other) => bookingOf(other, parents)),
    );
    if (!clash) return;
    const place = room ? `${room.name} at ${venue.name}` : venue.name;
    throw Problem.conflict(
      'venue-double-booked',
      'The venue is booked at that time',
      `${place} is booked for "${clash.title}" (${clash.startsAt.toISOString()}–${clash.endsAt.toISOString()}).`,
      { conflictsWith: { sessionId: clash.sessionId, title: clash.title, startsAt: clash.startsAt.toISOString(), endsAt: clash.endsAt.toISOString() } },
    );
  }
}

/** A stored session as the booking rules see it. */
export function bookingOf(session: Session, parents: ReadonlyMap<string, string | null>): Booking {
  return {
    sessionId: session.id,
    title: session.title,
    venueId: session.venueId,
    roomId: session.roomId,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    ancestors: ancestorsOf(session.parentSessionId, parents),
  };
}
