import fc from 'fast-check';
import { overlaps } from './conflict.rules.js';
import { capacityIn, doubleBooks, findDoubleBooking, samePlace, type Booking } from './room.rules.js';

const at = (hour: number) => new Date(Date.UTC(2019, 5, 12, 0, hour * 60));
function booking(sessionId: string, from: number, to: number, overrides: Partial<Booking> = {}): Booking {
  return { sessionId, title: sessionId, venueId: 'park', roomId: null, startsAt: at(from), endsAt: at(to), ancestors: [], ...overrides };
}

describe('booking venues and their rooms', () => {
  const forum = booking('forum', 1, 4.5, { roomId: 'hall' });

  it('lets the forum’s panels use its hall during it, but not two panels at once', () => {
    const panel1 = booking('panel-1', 1.5, 2.5, { roomId: 'hall', ancestors: ['forum'] });
    const panel2 = booking('panel-2', 2, 3, { roomId: 'hall', ancestors: ['forum'] });
    expect(findDoubleBooking(panel1, [forum])).toBeNull();
    expect(findDoubleBooking(panel2, [forum, panel1])).toBe(panel1);
    // Without a room, the forum fills the whole venue: its panels in any room are still its own.
    const wholeForum = { ...forum, roomId: null };
    expect(findDoubleBooking({ ...panel1, roomId: 'salon' }, [wholeForum])).toBeNull();
  });

  it('books two rooms of one venue apart, and a session without a room takes the whole venue', () => {
    const salon = booking('salon', 2, 3, { roomId: 'salon' });
    expect(doubleBooks(salon, forum)).toBe(false);
    expect(doubleBooks(booking('whole', 2, 3), forum)).toBe(true);
    expect(doubleBooks(booking('elsewhere', 2, 3, { venueId: 'hotel', roomId: 'hall' }), forum)).toBe(false);
    expect(doubleBooks(booking('after', 4.5, 5, { roomId: 'hall' }), forum)).toBe(false);
    expect(samePlace({ venueId: null, roomId: null }, { venueId: null, roomId: null })).toBe(false);
  });

  it('bounds a session’s seats by its room’s', () => {
    expect(capacityIn(null, null)).toEqual({ capacity: null });
    expect(capacityIn(500, null)).toEqual({ capacity: 500 });
    expect(capacityIn(null, { capacity: 40 })).toEqual({ capacity: 40 });
    expect(capacityIn(40, { capacity: 40 })).toEqual({ capacity: 40 });
    expect(capacityIn(41, { capacity: 40 })).toBeNull();
  });

  it('never lets two sessions that do not hold one another share a room at overlapping times', () => {
    const rooms = [null, 'hall', 'salon'];
    const request = fc.record({
      venue: fc.constantFrom('park', 'hotel'),
      room: fc.constantFrom(...rooms),
      start: fc.integer({ min: 0, max: 40 }),
      length: fc.integer({ min: 1, max: 12 }),
      parent: fc.nat(),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
        const accepted: Booking[] = [];
        requests.forEach((input, index) => {
          const candidates = accepted.filter((one) => one.venueId === input.venue);
          const parent = input.parent % 3 === 0 && candidates.length > 0 ? candidates[input.parent % candidates.length] : undefined;
          const candidate = booking(`s${index}`, input.start / 4, (input.start + input.length) / 4, {
            venueId: input.venue,
            roomId: input.room,
            ancestors: parent ? [parent.sessionId, ...parent.ancestors] : [],
          });
          if (!findDoubleBooking(candidate, accepted)) accepted.push(candidate);
        });
        for (const a of accepted) {
          for (const b of accepted) {
            if (a === b || a.ancestors.includes(b.sessionId) || b.ancestors.includes(a.sessionId)) continue;
            expect(samePlace(a, b) && overlaps(a, b)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
