import { TransferTimes } from '../../programme/conflict.rules.js';
import { meetingBlockOf, slotsOf, unavailableSlots } from './meeting-slots.rules.js';

const at = (time: string) => new Date(`2019-06-10T${time}:00Z`);
const block = { id: 'b1', title: 'B2B', startsAt: at('01:00'), endsAt: at('03:10'), city: 'Chengdu' };

describe('meeting slots', () => {
  it('cuts a block into whole slots and leaves a break out', () => {
    const slots = slotsOf(block, { slotMinutes: 30, tables: 5, breaks: [{ startsAt: at('02:00'), endsAt: at('02:15') }] });
    expect(slots.map((slot) => [slot.start.toISOString().slice(11, 16), slot.end.toISOString().slice(11, 16)])).toEqual([
      ['01:00', '01:30'],
      ['01:30', '02:00'],
      ['02:15', '02:45'],
    ]);
    expect(slots[0].id).toBe('b1@2019-06-10T01:00:00.000Z');
  });

  it('makes a participant unavailable in slots overlapping their agenda or declared times, and where they cannot travel in time', () => {
    const meetingBlock = meetingBlockOf(block, { slotMinutes: 30, tables: 5, breaks: [] });
    const agenda = [{ sessionId: 's1', title: 'Visit', startsAt: at('00:00'), endsAt: at('01:20'), startCity: 'Chengdu', endCity: 'Chengdu' }];
    expect(unavailableSlots([meetingBlock], agenda, [{ startsAt: at('02:40'), endsAt: at('02:50') }], new TransferTimes())).toEqual([
      'b1@2019-06-10T01:00:00.000Z',
      'b1@2019-06-10T02:30:00.000Z',
    ]);
    const elsewhere = [{ sessionId: 's2', title: 'Liuzhou', startsAt: at('00:00'), endsAt: at('00:30'), startCity: 'Liuzhou', endCity: 'Liuzhou' }];
    const transfers = new TransferTimes([{ cityA: 'Chengdu', cityB: 'Liuzhou', minutes: 90 }]);
    expect(unavailableSlots([meetingBlock], elsewhere, [], transfers)).toEqual(['b1@2019-06-10T01:00:00.000Z', 'b1@2019-06-10T01:30:00.000Z']);
  });
});
