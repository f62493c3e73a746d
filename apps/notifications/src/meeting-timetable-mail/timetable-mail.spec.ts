import type { EventData } from '#contracts';
import { chineseEntry, directoryEntry } from '../participants/directory-entry.fixture.js';
import { composeTimetableMail, peopleOf } from './timetable-mail.js';

const ana = directoryEntry();
const li = chineseEntry();
const venue = { name: 'Tianfu Software Park', city: 'Chengdu', timezone: 'Asia/Shanghai' };
const place = { startsAt: '2019-06-10T01:00:00.000Z', endsAt: '2019-06-10T01:30:00.000Z', table: '3', venue, counterpartId: li.registrationId };

function notice(overrides: Partial<EventData<'meeting.timetable_published'>> = {}): EventData<'meeting.timetable_published'> {
  return {
    missionId: ana.missionId,
    registrationId: ana.registrationId,
    runId: '00000000-0000-4000-8000-000000000009',
    first: true,
    meetings: [{ meetingId: '00000000-0000-4000-8000-000000000001', ...place }],
    changes: [{ meetingId: '00000000-0000-4000-8000-000000000001', change: 'scheduled' }],
    ...overrides,
  };
}

describe('meeting timetable mail', () => {
  const directory = new Map([ana, li].map((entry) => [entry.registrationId, entry]));

  it('gives the first timetable in the participant’s zone and the venue’s, with table and counterpart', () => {
    const mail = composeTimetableMail(notice(), ana, directory);
    expect(mail).toMatchObject({ template: 'meeting.timetable', language: 'en', subject: 'Your meeting timetable for Smart cities mission to Chengdu' });
    expect(mail.text).toContain('03:00–03:30');
    expect(mail.text).toContain('09:00–09:30 in Chengdu');
    expect(mail.text).toContain('with 李伟 (主任, 成都高新区, CN)');
    expect(mail.text).toContain('table 3, Tianfu Software Park, Chengdu');
  });

  it('lists the changes, then the timetable as it is now; in Chinese for a Chinese reader', () => {
    const moved = notice({
      registrationId: li.registrationId,
      first: false,
      meetings: [
        {
          meetingId: '00000000-0000-4000-8000-000000000001',
          ...place,
          startsAt: '2019-06-10T02:00:00.000Z',
          endsAt: '2019-06-10T02:30:00.000Z',
          counterpartId: ana.registrationId,
        },
      ],
      changes: [{ meetingId: '00000000-0000-4000-8000-000000000001', change: 'moved', previous: { ...place, counterpartId: ana.registrationId } }],
    });
    const mail = composeTimetableMail(moved, li, directory);
    expect(mail).toMatchObject({ template: 'meeting.timetable_changed', language: 'zh' });
    expect(mail.text).toContain('调整：与Ana García');
    expect(mail.text).not.toContain('Chengdu时间');
    const cancelled = composeTimetableMail(
      notice({ first: false, meetings: [], changes: [{ meetingId: '00000000-0000-4000-8000-000000000001', change: 'cancelled', previous: place }] }),
      ana,
      directory,
    );
    expect(cancelled.subject).toBe('Changes to your meetings at Smart cities mission to Chengdu');
    expect(cancelled.text).toContain('Cancelled: the meeting with 李伟');
    expect(cancelled.text).toContain('You have no meetings scheduled at present.');
  });

  it('names everyone the notice mentions', () => {
    expect(peopleOf(notice())).toEqual([ana.registrationId, li.registrationId]);
  });
});
