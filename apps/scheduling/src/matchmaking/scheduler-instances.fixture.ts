import fc from 'fast-check';
import type { AcceptedMeeting, MeetingBlock, MeetingSchedulingInput } from './meeting-instance.js';

/** Instances for the scheduler's tests. */

const MINUTE = 60_000;
export const DAY_START = Date.UTC(2027, 5, 10, 6, 0);

/** Blocks start at multiples of 10 minutes with 20-minute slots, so blocks of different cities overlap in time partly or fully. */
export function block(id: string, city: string, tables: number, slots: number, offsetMinutes = 0): MeetingBlock {
  return {
    id,
    city,
    tables,
    slots: Array.from({ length: slots }, (_, i) => ({
      id: `${id}-${i + 1}`,
      start: new Date(DAY_START + (offsetMinutes + 20 * i) * MINUTE),
      end: new Date(DAY_START + (offsetMinutes + 20 * (i + 1)) * MINUTE),
    })),
  };
}

/** Random instances; meetings of two participants, or of up to `maxPeople` (group meetings). */
export function instancesOf(maxPeople = 2): fc.Arbitrary<MeetingSchedulingInput> {
  return fc
    .record({
      blocks: fc.array(fc.record({ slots: fc.integer({ min: 1, max: 4 }), tables: fc.integer({ min: 0, max: 3 }), offset: fc.integer({ min: 0, max: 6 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      participants: fc.integer({ min: 2, max: 7 }),
      limits: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7, maxLength: 7 }),
      unavailable: fc.array(fc.tuple(fc.nat(6), fc.nat(11)), { maxLength: 14 }),
      meetings: fc.array(fc.record({ people: fc.uniqueArray(fc.nat(6), { minLength: 2, maxLength: maxPeople }), priority: fc.integer({ min: 1, max: 5 }) }), {
        maxLength: 16,
      }),
    })
    .map(({ blocks: shapes, participants: count, limits, unavailable, meetings }) => {
      const blocks = shapes.map((shape, b) => block(`b${b}`, b % 2 ? 'Liuzhou' : 'Chengdu', shape.tables, shape.slots, shape.offset * 10));
      const slotIds = blocks.flatMap((each) => each.slots.map((slot) => slot.id));
      const participants = Array.from({ length: count }, (_, p) => ({
        id: `p${p}`,
        limit: limits[p],
        unavailableSlots: unavailable.filter(([q]) => q % count === p).map(([, s]) => slotIds[s % slotIds.length]),
      }));
      const accepted: AcceptedMeeting[] = meetings
        .map(({ people, priority }, i) => ({ id: `m${i}`, participants: [...new Set(people.map((p) => `p${p % count}`))], priority }))
        .filter((meeting) => meeting.participants.length >= 2);
      return { blocks, participants, meetings: accepted };
    });
}
