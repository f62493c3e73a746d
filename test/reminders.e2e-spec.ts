import type { CloudEvent } from '#contracts';
import ICAL from 'ical.js';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { withDatabase } from './support/isolation.js';
import { notificationsSettled } from './support/notifications.js';
import { createSession, meetingBlockMission, participant, placesOf, release, sessionInput } from './support/programme.js';
import { outboxRelayed } from './support/settled.js';
import { useSystem } from './support/system.js';

/** Reminders half a minute before a start, looked for every second: "at its time" within the test's patience, not hours. */
const OFFSET_MS = 30_000;

/** The UID, SEQUENCE and method of each VEVENT of an iCalendar text. */
function veventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => ({
    method: calendar.getFirstPropertyValue('method') as string | null,
    uid: vevent.getFirstPropertyValue('uid') as string,
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
  }));
}

/**
 * Reminders before sessions and registration closing, on the real services and an SMTP server, and the
 * calendar invitations mails carry. Scheduling is restarted, and runs as two instances, between
 * planning a reminder and its time.
 */
describe('reminders and calendar invitations', () => {
  const system = useSystem({
    services: ['scheduling', 'registration', 'notifications'],
    env: () => ({
      SESSION_REMINDER_OFFSETS: 'PT30S',
      MEETING_REMINDER_OFFSETS: 'PT30S',
      REGISTRATION_CLOSING_REMINDER_OFFSETS: 'PT30S',
      PERIODIC_JOBS: 'reminders=1000,closing-reminders=1000',
    }),
  });
  const api = (missionId: string) => `${system.url('scheduling')}/api/missions/${missionId}`;
  const reminderEvents = (sessionId: string) => system.tap.ofType('session.reminder_due', (event) => event.subject === sessionId);
  const mailsOf = (events: CloudEvent[]) => system.smtp.received.filter((mail) => events.some((event) => event.id === mail.eventId));

  /** Finished periods of a periodic job of a service that started after `after`: later looks, which would have sent a second copy. */
  const periodsSince = (service: 'scheduling' | 'registration', job: string, after: Date) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM "${system.schemaOf(service)}".periodic_runs WHERE job = $1 AND period_start > $2 AND finished_at IS NOT NULL`,
        [job, after],
      );
      return rows[0].n as number;
    });
  const sentRows = (sessionId: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(`SELECT starts_at FROM "${system.schemaOf('scheduling')}".reminders_sent WHERE subject_id = $1`, [sessionId]);
      return rows.map((row: { starts_at: Date }) => row.starts_at.toISOString());
    });

  /** A mission whose registration closes in a little under a minute, with one registration pending approval and one approved; its reminder falls due while the sessions' are awaited. */
  let closingMission: { missionId: string; pendingId: string };
  beforeAll(async () => {
    const closesAt = new Date(Date.now() + OFFSET_MS + 20_000);
    const { missionId, token } = await openMission(system, { approval: 'manual', closesAt: closesAt.toISOString() });
    const register = (n: number) => call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(n) });
    const pending = await register(11);
    const approved = await register(12);
    expect([pending.body.status, approved.body.status]).toEqual(['pending_approval', 'pending_approval']);
    const approve = await call(`${system.url('registration')}/api/registrations/${approved.body.id}/approve`, { method: 'POST', token });
    expect(approve.status).toBe(200);
    closingMission = { missionId, pendingId: pending.body.id };
  }, 60_000);

  it('reminds once at its time across a restart and two instances, and after a move for the new time only', async () => {
    const { missionId, token } = await openMission(system);
    const { chengdu, liuzhou } = await placesOf(system, token, missionId);
    const later = new Date(Date.now() + 3_600_000);
    const at = (ms: number) => new Date(ms).toISOString();
    const kept = await createSession(
      system,
      token,
      missionId,
      sessionInput(chengdu, at(later.getTime()), at(later.getTime() + 3_600_000), { title: 'Kept visit' }),
    );
    const moved = await createSession(
      system,
      token,
      missionId,
      // Hours after the other, past the four hours' transfer between the cities, so that Ana may enrol in both.
      sessionInput(liuzhou, at(later.getTime() + 6 * 3_600_000), at(later.getTime() + 7 * 3_600_000), { title: 'Moved visit' }),
    );
    await release(system, token, missionId);
    const ana = await participant(system, missionId, 1, { email: 'ana@example.org' });
    await participant(system, missionId, 2, { email: 'ben@example.org' });
    for (const sessionId of [kept, moved]) {
      const enrolled = await call(`${api(missionId)}/sessions/${sessionId}/enrolments`, { method: 'POST', token: ana.token });
      expect(enrolled.body.status).toBe('confirmed');
    }

    // Both now start in a little over a minute, so their reminders fall due in seconds.
    // Whole seconds: iCalendar times have no milliseconds.
    const start = Math.ceil(Date.now() / 1000) * 1000;
    const keptStart = start + OFFSET_MS + 12_000;
    const patch = (sessionId: string, startsAt: number) =>
      call(`${api(missionId)}/sessions/${sessionId}`, { method: 'PATCH', token, body: { startsAt: at(startsAt), endsAt: at(startsAt + 1_800_000) } });
    expect((await patch(kept, keptStart)).status).toBe(200);
    // Moved twice: its first new time falls due while it is already at the second, which is due later.
    const oldStart = start + OFFSET_MS + 15_000;
    const newStart = start + OFFSET_MS + 25_000;
    expect((await patch(moved, oldStart)).status).toBe(200);
    expect((await patch(moved, newStart)).status).toBe(200);

    // Scheduling restarts, and a second instance joins, before either reminder is due.
    await system.stopService('scheduling');
    await system.startService('scheduling');
    await system.startService('scheduling', 1);

    const keptMail = await system.smtp.waitFor(
      (mail) => mail.subject.startsWith('Reminder: Kept visit'),
      'the reminder of the kept session',
      OFFSET_MS + 60_000,
    );
    const movedMail = await system.smtp.waitFor(
      (mail) => mail.subject.startsWith('Reminder: Moved visit'),
      'the reminder of the moved session',
      OFFSET_MS + 60_000,
    );
    // Not early: none before a minute before the start.
    const [keptEvent] = reminderEvents(kept);
    const [movedEvent] = reminderEvents(moved);
    expect(new Date(keptEvent!.time).getTime()).toBeGreaterThanOrEqual(keptStart - OFFSET_MS);
    expect(new Date(movedEvent!.time).getTime()).toBeGreaterThanOrEqual(newStart - OFFSET_MS);
    expect(movedEvent!.data).toMatchObject({ registrationId: ana.id, offset: 'PT30S', role: 'enrolled', session: { startsAt: at(newStart) } });

    // Three more looks after both were sent, by either instance: a second copy would have come by now.
    const sent = new Date();
    await eventually(async () => (await periodsSince('scheduling', 'reminders', sent)) >= 3, { what: 'three more looks for reminders', timeoutMs: 30_000 });
    await outboxRelayed(system, 'scheduling');
    await notificationsSettled(system);
    expect(mailsOf(reminderEvents(kept))).toHaveLength(1);
    expect(mailsOf(reminderEvents(moved))).toHaveLength(1);
    expect(reminderEvents(kept)).toHaveLength(1);
    expect(reminderEvents(moved)).toHaveLength(1);
    // Ben holds no seat: nothing for him.
    expect(system.smtp.to('ben@example.org').filter((mail) => mail.subject.startsWith('Reminder:'))).toHaveLength(0);
    expect(await sentRows(moved)).toEqual([at(newStart)]);
    expect(await sentRows(kept)).toEqual([at(keptStart)]);
    expect(keptMail.to).toEqual(['ana@example.org']);

    // The reminder's invitation is the agenda's entry: same UID, same SEQUENCE.
    const agenda = await call(`${api(missionId)}/participants/${ana.id}/agenda.ics`, { token: ana.token });
    const inAgenda = veventsOf(agenda.body).find((vevent) => vevent.uid === `${moved}@mission-hub`)!;
    expect(veventsOf(movedMail.calendars[0]!)).toEqual([{ method: 'REQUEST', uid: inAgenda.uid, sequence: inAgenda.sequence, start: at(newStart) }]);
  }, 300_000);

  it('reminds a registrant pending approval once before registration closes, and no one confirmed', async () => {
    const { missionId, pendingId } = closingMission;
    const mail = await system.smtp.waitFor(
      (received) => received.to.includes('delegate11@example.org') && /closes on/.test(received.subject),
      'the closing reminder',
      OFFSET_MS + 60_000,
    );
    expect(mail.text).toContain('waiting for the organisers’ approval');
    const sent = new Date();
    await eventually(async () => (await periodsSince('registration', 'closing-reminders', sent)) >= 3, {
      what: 'three more looks for closing reminders',
      timeoutMs: 30_000,
    });
    await outboxRelayed(system, 'registration');
    await notificationsSettled(system);
    const closing = system.tap.ofType('registration.closing_reminder_due', (event) => event.missionid === missionId);
    expect(closing.map((event) => event.subject)).toEqual([pendingId]);
    expect(mailsOf(closing)).toHaveLength(1);
  }, 300_000);

  it('puts a placed meeting in the timetable mail as an invitation with the agenda’s UID and SEQUENCE', async () => {
    const { missionId, token } = await meetingBlockMission(system);
    const cai = await participant(system, missionId, 21);
    const dan = await participant(system, missionId, 22);
    const asked = await call(`${api(missionId)}/meetings`, { token: cai.token, body: { inviteeId: dan.id, priority: 3 } });
    expect((await call(`${api(missionId)}/meetings/${asked.body.id}/accept`, { method: 'POST', token: dan.token })).status).toBe(200);
    const started = await call(`${api(missionId)}/matchmaking/runs`, { token, body: {} });
    expect(started.status).toBe(202);

    const mail = await system.smtp.waitFor(
      (received) => received.to.includes('delegate22@example.org') && /meeting timetable/.test(received.subject),
      'the timetable mail',
      60_000,
    );
    const feed = await call(`${api(missionId)}/participants/${dan.id}/agenda.ics`, { token: dan.token });
    const inAgenda = veventsOf(feed.body).find((vevent) => vevent.uid === `${asked.body.id}@mission-hub`)!;
    expect(inAgenda).toBeDefined();
    expect(veventsOf(mail.calendars[0]!)).toEqual([{ ...inAgenda, method: 'REQUEST' }]);
  }, 180_000);
});
