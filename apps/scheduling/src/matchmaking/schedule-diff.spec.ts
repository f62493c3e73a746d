import { diffSchedules } from './schedule-diff.js';

describe('diffSchedules', () => {
  it('tells which meetings a later run scheduled, moved and cancelled', () => {
    const previous = [
      { meetingId: 'stays', slotId: 's1', table: 1 },
      { meetingId: 'other-slot', slotId: 's1', table: 2 },
      { meetingId: 'other-table', slotId: 's2', table: 1 },
      { meetingId: 'gone', slotId: 's2', table: 2 },
    ];
    const next = [
      { meetingId: 'stays', slotId: 's1', table: 1 },
      { meetingId: 'other-slot', slotId: 's3', table: 2 },
      { meetingId: 'other-table', slotId: 's2', table: 3 },
      { meetingId: 'new', slotId: 's2', table: 2 },
    ];
    expect(diffSchedules(previous, next)).toEqual({
      scheduled: [{ meetingId: 'new', slotId: 's2', table: 2 }],
      moved: [
        { meetingId: 'other-slot', from: previous[1], to: next[1] },
        { meetingId: 'other-table', from: previous[2], to: next[2] },
      ],
      cancelled: [{ meetingId: 'gone', slotId: 's2', table: 2 }],
      unchanged: 1,
    });
  });

  it('finds nothing to tell when nothing changed', () => {
    const schedule = [{ meetingId: 'm', slotId: 's', table: 1 }];
    expect(diffSchedules(schedule, [...schedule])).toEqual({ scheduled: [], moved: [], cancelled: [], unchanged: 1 });
  });
});
