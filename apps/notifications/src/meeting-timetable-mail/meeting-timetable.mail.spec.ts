import type { EventData } from '#contracts';
import { chineseEntry, directoryEntry } from '../participants/directory-entry.fixture.js';
import { composeTimetableMail, peopleOf } from './meeting-timetable.mail.js';

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

  it('gives a moved or cancelled meeting’s times in the venue’s zone too, old and new, as it gives the timetable’s', () => {
    const meetingId = '00000000-0000-4000-8000-000000000001';
    const later = { ...place, startsAt: '2019-06-10T02:00:00.000Z', endsAt: '2019-06-10T02:30:00.000Z', table: '5' };
    const moved = composeTimetableMail(
      notice({ first: false, meetings: [{ meetingId, ...later }], changes: [{ meetingId, change: 'moved', previous: place }] }),
      ana,
      directory,
    );
    // 02:00 UTC is 04:00 in Madrid and 10:00 in Chengdu; it was 03:00 and 09:00.
    const movedLine = moved.text.split('\n\n').find((paragraph) => paragraph.startsWith('Moved:'));
    expect(movedLine).toBe(
      'Moved: the meeting with 李伟 (主任, 成都高新区, CN) is now Monday, 10 June 2019, 04:00–04:30 (Monday, 10 June 2019, 10:00–10:30 in Chengdu), table 5; ' +
        'it was Monday, 10 June 2019, 03:00–03:30 (Monday, 10 June 2019, 09:00–09:30 in Chengdu), table 3.',
    );
    const cancelled = composeTimetableMail(
      notice({ first: false, meetings: [], changes: [{ meetingId, change: 'cancelled', previous: place }] }),
      ana,
      directory,
    );
    expect(cancelled.text).toContain(
      'Cancelled: the meeting with 李伟 (主任, 成都高新区, CN) on Monday, 10 June 2019, 03:00–03:30 (Monday, 10 June 2019, 09:00–09:30 in Chengdu) will not take place.',
    );

    // A Chinese reader in Madrid: the venue's time beside theirs, in Chinese.
    const liInMadrid = chineseEntry({ timezone: 'Europe/Madrid' });
    const inChinese = composeTimetableMail(
      notice({
        registrationId: liInMadrid.registrationId,
        first: false,
        meetings: [{ meetingId, ...later, counterpartId: ana.registrationId }],
        changes: [{ meetingId, change: 'moved', previous: { ...place, counterpartId: ana.registrationId } }],
      }),
      liInMadrid,
      directory,
    );
    expect(inChinese.text).toMatch(
      /调整：与Ana García.*的会谈改为2019年6月10日星期一 04:00–04:30（Chengdu时间 2019年6月10日星期一 10:00–10:30），5号桌；原为2019年6月10日星期一 03:00–03:30（Chengdu时间 2019年6月10日星期一 09:00–09:30），3号桌。/,
    );
    const cancelledInChinese = composeTimetableMail(
      notice({ registrationId: liInMadrid.registrationId, first: false, meetings: [], changes: [{ meetingId, change: 'cancelled', previous: place }] }),
      liInMadrid,
      directory,
    );
    expect(cancelledInChinese.text).toContain('原定于2019年6月10日星期一 03:00–03:30（Chengdu时间 2019年6月10日星期一 09:00–09:30）的会谈取消。');
  });

  it('names everyone the notice mentions', () => {
    expect(peopleOf(notice())).toEqual([ana.registrationId, li.registrationId]);
  });
});
