import { timetableNotices, type Placement } from './timetable.events.js';

const venue = { name: 'Tianfu Software Park', city: 'Chengdu', timezone: 'Asia/Shanghai' };
const place = (meetingId: string, parties: [string, string], hour: number, table: number): Placement => ({
  meetingId,
  parties,
  slotId: `b@${hour}`,
  table,
  startsAt: new Date(Date.UTC(2019, 5, 10, hour)),
  endsAt: new Date(Date.UTC(2019, 5, 10, hour, 30)),
  venue,
});

describe('timetable notices', () => {
  it('tells each participant once per run, first time with their whole timetable', () => {
    const notices = timetableNotices({
      missionId: 'm',
      runId: 'r1',
      before: [],
      after: [place('ab', ['a', 'b'], 2, 1), place('ac', ['a', 'c'], 1, 2)],
      present: new Set(['a', 'b', 'c']),
      published: new Set(),
    });
    expect(notices.map((notice) => [notice.registrationId, notice.first, notice.meetings.map((m) => [m.meetingId, m.counterpartId])])).toEqual([
      [
        'a',
        true,
        [
          ['ac', 'c'],
          ['ab', 'b'],
        ],
      ],
      ['b', true, [['ab', 'a']]],
      ['c', true, [['ac', 'a']]],
    ]);
  });

  it('tells only whom a later run changed something for, with the previous place, and not who left', () => {
    const notices = timetableNotices({
      missionId: 'm',
      runId: 'r2',
      before: [place('ab', ['a', 'b'], 2, 1), place('ac', ['a', 'c'], 1, 2), place('de', ['d', 'e'], 1, 1)],
      after: [place('ac', ['a', 'c'], 3, 2), place('de', ['d', 'e'], 1, 1)],
      present: new Set(['b', 'c', 'd', 'e']),
      published: new Set(['a', 'b', 'c', 'd', 'e']),
    });
    expect(notices.map((notice) => notice.registrationId)).toEqual(['b', 'c']);
    expect(notices[0]).toMatchObject({
      first: false,
      meetings: [],
      changes: [{ meetingId: 'ab', change: 'cancelled', previous: { counterpartId: 'a', table: '1' } }],
    });
    expect(notices[1].changes).toEqual([
      { meetingId: 'ac', change: 'moved', previous: expect.objectContaining({ startsAt: '2019-06-10T01:00:00.000Z', counterpartId: 'a' }) },
    ]);
  });
});
