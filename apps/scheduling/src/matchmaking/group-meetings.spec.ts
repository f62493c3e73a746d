import fc from 'fast-check';
import type { MeetingSchedulingInput } from './meeting-instance.js';
import { block, instancesOf } from './scheduler-instances.fixture.js';
import { scheduleMeetings } from './meeting-scheduler.js';
import { scheduleViolations } from './schedule-check.js';
import { scheduleValue } from './schedule-value.js';

const instances = instancesOf(5);

/** Checked here on its own, not through scheduleViolations: each attendee's placed meetings never overlap in time. */
function doubleBookings(input: MeetingSchedulingInput, placed: readonly { meetingId: string; slotId: string }[]): string[] {
  const slots = new Map(input.blocks.flatMap((each) => each.slots.map((slot) => [slot.id, slot] as const)));
  const meetings = new Map(input.meetings.map((meeting) => [meeting.id, meeting]));
  const found: string[] = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const [a, b] = [slots.get(placed[i].slotId)!, slots.get(placed[j].slotId)!];
      if (!(a.start < b.end && b.start < a.end)) continue;
      const shared = meetings.get(placed[i].meetingId)!.participants.filter((id) => meetings.get(placed[j].meetingId)!.participants.includes(id));
      if (shared.length > 0) found.push(`${shared.join(',')} in ${placed[i].meetingId} and ${placed[j].meetingId}`);
    }
  }
  return found;
}

describe('group meetings', () => {
  it('never puts an attendee in two meetings at once, nor where they are unavailable or over their limit', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const schedule = scheduleMeetings(input);
        expect(doubleBookings(input, schedule.placed)).toEqual([]);
        expect(scheduleViolations(input, schedule.placed)).toEqual([]);
        const byId = new Map(input.meetings.map((meeting) => [meeting.id, meeting]));
        expect(schedule.value).toEqual(scheduleValue(schedule.placed.map((p) => byId.get(p.meetingId)!)));
        const accounted = [...schedule.placed.map((p) => p.meetingId), ...schedule.unscheduled.map((u) => u.meetingId)].sort();
        expect(accounted).toEqual(input.meetings.map((meeting) => meeting.id).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('keeps announced group meetings in place while every attendee can still come', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const first = scheduleMeetings(input);
        const again = scheduleMeetings({ ...input, announced: first.placed });
        expect(scheduleViolations({ ...input, announced: first.placed }, again.placed)).toEqual([]);
        expect(doubleBookings(input, again.placed)).toEqual([]);
        expect(again.keptInPlace).toBe(first.placed.length);
      }),
      { numRuns: 200 },
    );
  });

  it('places a group meeting in the one slot all its attendees are free, around an attendee’s other meeting', () => {
    const input: MeetingSchedulingInput = {
      blocks: [block('b', 'Liuzhou', 2, 3)],
      participants: [
        { id: 'ana', limit: 5, unavailableSlots: [] },
        { id: 'dan', limit: 5, unavailableSlots: [] },
        { id: 'bo', limit: 5, unavailableSlots: [] },
        { id: 'cai', limit: 5, unavailableSlots: ['b-2'] },
        { id: 'fei', limit: 5, unavailableSlots: [] },
      ],
      meetings: [
        { id: 'dan-fei', participants: ['dan', 'fei'], priority: 5 },
        { id: 'group', participants: ['ana', 'dan', 'bo', 'cai'], priority: 4 },
      ],
      announced: [{ meetingId: 'dan-fei', slotId: 'b-1', table: 1 }],
    };
    const schedule = scheduleMeetings(input);
    expect(schedule.placed).toEqual([
      { meetingId: 'dan-fei', slotId: 'b-1', table: 1 },
      { meetingId: 'group', slotId: 'b-3', table: 1 },
    ]);
    // Five people served, two meetings: the value counts every attendee's first meeting.
    expect(schedule.value).toEqual({ value: 15 + 14 + 5 * 10, meetings: 2, prioritySum: 9, participantsServed: 5 });
  });

  it('says why a group meeting is left out: no slot all can come to, or an attendee at their limit', () => {
    const schedule = scheduleMeetings({
      blocks: [block('b', 'Liuzhou', 2, 2)],
      participants: [
        { id: 'ana', limit: 5, unavailableSlots: ['b-1'] },
        { id: 'bo', limit: 5, unavailableSlots: ['b-2'] },
        { id: 'cai', limit: 0, unavailableSlots: [] },
        { id: 'dan', limit: 5, unavailableSlots: [] },
      ],
      meetings: [
        { id: 'apart', participants: ['ana', 'bo', 'dan'], priority: 3 },
        { id: 'full', participants: ['cai', 'dan', 'ana'], priority: 3 },
      ],
    });
    expect(schedule.unscheduled).toEqual([
      { meetingId: 'apart', reason: 'no-common-slot' },
      { meetingId: 'full', reason: 'limit-reached' },
    ]);
  });
});
