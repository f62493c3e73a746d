import { createEvent, type EventData } from '#contracts';
import { randomUUID } from 'node:crypto';
import { call, listAll, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { useSystem } from './support/system.js';
import { notificationsSettled } from './support/notifications.js';
import { createSession, placesOf, release, sessionInput } from './support/programme.js';

/**
 * What notifications tells participants when scheduling and the MoU registry announce a change. The
 * participants register through the real registration service, so notifications' directory fills
 * from real events; the scheduling and MoU events are published onto the exchange exactly as their
 * producers would, since this is the contract between them.
 */
describe('notifications for the programme, MoU milestones and meetings', () => {
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications'] });
  let missionId: string;
  const people: Record<'ana' | 'li' | 'marta' | 'bob' | 'eve', { id: string; email: string; accessToken: string }> = {} as never;

  const chengdu = { name: 'Tianfu International Expo Center', city: 'Chengdu', timezone: 'Asia/Shanghai' };

  /** Every event on notifications' queue has been handled: what has not been mailed by now will not be. */
  const settled = () => notificationsSettled(system);
  const mailsOf = (eventId: string) => system.smtp.received.filter((mail) => mail.eventId === eventId);

  beforeAll(async () => {
    ({ missionId } = await openMission(system));
    const register = async (n: number, overrides: Record<string, unknown>) => {
      const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, { body: registrationInput(n, overrides) });
      expect(registered.body.status).toBe('confirmed');
      return { id: registered.body.id as string, email: String(overrides.email), accessToken: registered.body.accessToken as string };
    };
    const [ana, li, marta, bob, eve] = await Promise.all([
      register(1, { email: 'ana.garcia@example.org', givenName: 'Ana', familyName: 'García' }),
      register(2, {
        email: 'li.wei@example.cn',
        givenName: '伟',
        familyName: '李',
        preferredLanguage: 'zh-CN',
        timezone: 'Asia/Shanghai',
        organisation: { name: '成都高新区', type: 'government', country: 'CN', city: 'Chengdu' },
        delegation: 'Chengdu',
      }),
      register(3, { email: 'marta.rossi@example.it', givenName: 'Marta', familyName: 'Rossi', preferredLanguage: 'it', timezone: 'Europe/Rome' }),
      register(4, { email: 'bob.bystander@example.org', givenName: 'Bob', familyName: 'Bystander' }),
      register(5, { email: 'eve.erased@example.org', givenName: 'Eve', familyName: 'Erased' }),
    ]);
    Object.assign(people, { ana, li, marta, bob, eve });
    // Eve asks to be forgotten before the programme changes.
    const erased = await call(`${system.url('registration')}/api/registrations/${eve.id}/erase`, { method: 'POST', token: eve.accessToken });
    expect(erased.status).toBe(200);
    await system.tap.waitFor('participant.erased', (event) => event.subject === eve.id);
    await settled();
  });

  function rescheduled(participantIds: string[]) {
    const sessionId = randomUUID();
    const data: EventData<'session.rescheduled'> = {
      sessionId,
      missionId,
      kind: 'forum',
      title: 'Smart mobility forum',
      // Was Monday 09:00–10:30 in Chengdu, now Tuesday 14:00–15:30.
      startsAt: '2019-06-11T06:00:00Z',
      endsAt: '2019-06-11T07:30:00Z',
      timezone: 'Asia/Shanghai',
      venue: chengdu,
      capacity: 120,
      previous: { startsAt: '2019-06-10T01:00:00Z', endsAt: '2019-06-10T02:30:00Z', venue: chengdu },
      participantIds,
    };
    return createEvent('scheduling', 'session.rescheduled', data, { subject: sessionId, missionId });
  }

  it('tells exactly the participants a rescheduled session touches, once each, in their language, with both time zones', async () => {
    const { ana, li, marta, bob, eve } = people;
    const event = rescheduled([ana.id, li.id, marta.id, eve.id, randomUUID()]);
    // The same event twice at once, as a redelivery racing the first delivery would.
    await Promise.all([system.producer.publish(event), system.producer.publish(event)]);
    await eventually(() => mailsOf(event.id).length >= 3, { what: 'the three mails' });
    // And once more after it was handled.
    await system.producer.publish(event);
    await settled();

    const mails = mailsOf(event.id);
    expect(
      mails
        .map((mail) => mail.to)
        .flat()
        .sort(),
    ).toEqual([ana.email, li.email, marta.email].sort());
    // Bob is not in the session; Eve is, but was erased (her registration mails came before).
    expect(system.smtp.to(bob.email).filter((mail) => mail.eventId === event.id)).toHaveLength(0);
    expect(system.smtp.to(eve.email).filter((mail) => mail.eventId === event.id)).toHaveLength(0);

    const [toAna] = system.smtp.to(ana.email).filter((mail) => mail.eventId === event.id);
    expect(toAna.subject).toMatch(/^Changed: Smart mobility forum/);
    expect(toAna.text).toContain('Now:\nTuesday, 11 June 2019, 08:00–09:30 your time (Europe/Madrid)');
    expect(toAna.text).toContain('Tuesday, 11 June 2019, 14:00–15:30 local time at the venue (Asia/Shanghai)');
    expect(toAna.text).toContain('Before:\nMonday, 10 June 2019, 03:00–04:30 your time (Europe/Madrid)');
    expect(toAna.text).toContain('Monday, 10 June 2019, 09:00–10:30 local time at the venue (Asia/Shanghai)');
    expect(toAna.text).toContain('Venue: Tianfu International Expo Center, Chengdu');

    const [toLi] = system.smtp.to(li.email).filter((mail) => mail.eventId === event.id);
    expect(toLi.subject).toMatch(/^日程变更：Smart mobility forum/);
    expect(toLi.text).toContain('尊敬的李伟：');
    expect(toLi.text).toContain('2019年6月11日星期二 14:00–15:30（您的时区及活动当地时间：Asia/Shanghai）');
    expect(toLi.text).toContain('2019年6月10日星期一 09:00–10:30');

    // In Italian, in Rome's time.
    const [toMarta] = system.smtp.to(marta.email).filter((mail) => mail.eventId === event.id);
    expect(toMarta.subject).toBe('Modifica: Smart mobility forum (Smart cities mission to Chengdu and Liuzhou)');
    expect(toMarta.text).toContain('Gentile Marta Rossi,');
    expect(toMarta.text).toContain('martedì 11 giugno 2019, 08:00–09:30, ora del Suo fuso orario (Europe/Rome)');

    // Each mail is logged once and announced once.
    const token = system.organiserToken();
    const log = await call(`${system.url('notifications')}/api/missions/${missionId}/deliveries?limit=100`, { token });
    const logged = log.body.items.filter((item: any) => item.causeEventId === event.id);
    expect(logged.map((item: any) => item.template)).toEqual(['session.rescheduled', 'session.rescheduled', 'session.rescheduled']);
    expect(logged.every((item: any) => item.status === 'sent')).toBe(true);
    await eventually(() => system.tap.ofType('notification.sent', (sent) => (sent.data as any).causeEventId === event.id).length === 3, {
      what: 'three notification.sent',
    });
  });

  it('tells every participant of a large session once, each in their own language', async () => {
    const url = `${system.url('registration')}/api/missions/${missionId}/registrations`;
    const inputs = Array.from({ length: 40 }, (_, i) =>
      registrationInput(100 + i, i % 2 ? { preferredLanguage: 'zh-CN', timezone: 'Asia/Shanghai' } : { timezone: 'Europe/Berlin' }),
    );
    const ids = (await Promise.all(inputs.map((body) => call(url, { body })))).map((response) => response.body.id as string);
    await settled();

    const event = rescheduled(ids);
    await system.producer.publish(event);
    await eventually(() => mailsOf(event.id).length >= 40, { what: '40 mails', timeoutMs: 30_000 });
    await system.producer.publish(event);
    await settled();
    const mails = mailsOf(event.id);
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(inputs.map((input) => input.email).sort());
    expect(mails.filter((mail) => mail.subject.startsWith('日程变更：'))).toHaveLength(20);
    expect(mails.filter((mail) => mail.text.includes('your time (Europe/Berlin)'))).toHaveLength(20);
  });

  it('mails nobody about a change that touches nobody', async () => {
    const event = rescheduled([]);
    await system.producer.publish(event);
    await settled();
    expect(mailsOf(event.id)).toHaveLength(0);
  });

  it('tells the participants of a cancelled session, in their language, with the reason', async () => {
    const { li, marta } = people;
    const sessionId = randomUUID();
    const event = createEvent(
      'scheduling',
      'session.cancelled',
      {
        sessionId,
        missionId,
        kind: 'site_visit',
        title: 'Visit to the e-bus factory',
        startsAt: '2019-06-13T01:00:00Z',
        endsAt: '2019-06-13T04:00:00Z',
        timezone: 'Asia/Shanghai',
        venue: { name: 'SAIC-GM-Wuling plant', city: 'Liuzhou', timezone: 'Asia/Shanghai' },
        capacity: 40,
        reason: 'The plant is closed for an inspection.',
        participantIds: [li.id, marta.id],
      },
      { subject: sessionId, missionId },
    );
    await system.producer.publish(event);
    await eventually(() => mailsOf(event.id).length >= 2, { what: 'two cancellation mails' });
    await settled();
    expect(mailsOf(event.id)).toHaveLength(2);
    const [toLi] = system.smtp.to(li.email).filter((mail) => mail.eventId === event.id);
    expect(toLi.subject).toBe('活动取消：Visit to the e-bus factory（Smart cities mission to Chengdu and Liuzhou）');
    expect(toLi.text).toContain('原因：The plant is closed for an inspection.');
    const [toMarta] = system.smtp.to(marta.email).filter((mail) => mail.eventId === event.id);
    expect(toMarta.text).toContain('giovedì 13 giugno 2019, 03:00–06:00, ora del Suo fuso orario (Europe/Rome)');
    expect(toMarta.text).toContain('09:00–12:00, ora locale della sede (Asia/Shanghai)');
  });

  it('follows a participant’s changed language and time zone (registration.updated)', async () => {
    const { bob } = people;
    const changed = await call(`${system.url('registration')}/api/registrations/${bob.id}`, {
      method: 'PATCH',
      token: bob.accessToken,
      body: { preferredLanguage: 'zh-CN', timezone: 'America/New_York' },
    });
    expect(changed.status).toBe(200);
    await system.tap.waitFor('registration.updated', (event) => event.subject === bob.id);
    await settled();
    const event = rescheduled([bob.id]);
    await system.producer.publish(event);
    const mail = await system.smtp.waitFor((candidate) => candidate.eventId === event.id, 'the mail to Bob');
    expect(mail.to).toEqual([bob.email]);
    expect(mail.subject).toMatch(/^日程变更/);
    // 06:00 UTC is 02:00 in New York (EDT), 14:00 in Chengdu.
    expect(mail.text).toContain('2019年6月11日星期二 02:00–03:30（您的时区：America/New_York）');
    expect(mail.text).toContain('活动当地时间 2019年6月11日星期二 14:00–15:30（Asia/Shanghai）');
  });

  it('reminds a milestone’s owner once, in their language', async () => {
    const mouId = randomUUID();
    const event = createEvent(
      'mou-registry',
      'mou.milestone_due',
      {
        mouId,
        milestoneId: randomUUID(),
        missionId,
        reference: 'MOU-2019-0007',
        mouTitle: 'E-mobility cooperation Stuttgart–Liuzhou',
        pilotProject: null,
        title: 'Pilot charging stations installed',
        dueOn: '2019-12-31',
        owner: { name: '王芳', email: 'wang.fang@example.cn', preferredLanguage: 'zh-CN' },
      },
      { subject: mouId, missionId },
    );
    await system.producer.publish(event);
    const reminder = await system.smtp.waitFor((mail) => mail.eventId === event.id, 'the milestone reminder');
    await system.producer.publish(event);
    await settled();
    expect(mailsOf(event.id)).toHaveLength(1);
    expect(reminder.to).toEqual(['wang.fang@example.cn']);
    expect(reminder.subject).toBe('提醒：“Pilot charging stations installed”已于2019年12月31日到期');
  });

  it('tells the invitee of a meeting request and the requester of the answer, naming the other one', async () => {
    const { ana, li } = people;
    const meetingId = randomUUID();
    const meeting = { meetingId, missionId, requesterId: ana.id, inviteeId: li.id, priority: 1, message: 'Shall we talk about e-bus fleets?', slot: null };
    const requested = createEvent('scheduling', 'meeting.requested', meeting, { subject: meetingId, missionId });
    await system.producer.publish(requested);
    const request = await system.smtp.waitFor((mail) => mail.eventId === requested.id, 'the meeting request');
    expect(request.to).toEqual([li.email]);
    expect(request.subject).toBe('Ana García希望在Smart cities mission to Chengdu and Liuzhou期间与您会面');
    expect(request.text).toContain('对方留言：“Shall we talk about e-bus fleets?”');

    const accepted = createEvent('scheduling', 'meeting.accepted', meeting, { subject: meetingId, missionId, causedBy: requested });
    await system.producer.publish(accepted);
    const answer = await system.smtp.waitFor((mail) => mail.eventId === accepted.id, 'the acceptance');
    expect(answer.to).toEqual([ana.email]);
    expect(answer.subject).toBe('李伟 has accepted your meeting request');
    expect(answer.text).toContain('李伟 (Head of international relations, 成都高新区, CN)');
    await settled();
    expect(mailsOf(requested.id)).toHaveLength(1);
    expect(mailsOf(accepted.id)).toHaveLength(1);
  });

  it('tells a participant of their seat, their place on the waiting list and their promotion from it, once each, in their language', async () => {
    const { ana, li, bob } = people;
    const token = system.organiserToken();
    const url = `${system.url('scheduling')}/api/missions/${missionId}`;
    const { liuzhou } = await placesOf(system, token, missionId);
    // Thursday 09:00–12:00 in Liuzhou; one seat.
    const visit = await createSession(
      system,
      token,
      missionId,
      sessionInput(liuzhou, '2019-06-13T01:00:00Z', '2019-06-13T04:00:00Z', { title: 'Visit to the e-bus factory', capacity: 1 }),
    );
    await release(system, token, missionId);
    for (const who of [ana, li]) {
      await eventually(async () => (await call(`${url}/participants/${who.id}/agenda`, { token: who.accessToken })).status === 200, {
        what: 'scheduling to know the participant',
      });
    }
    const enrol = (who: { accessToken: string }) => call(`${url}/sessions/${visit}/enrolments`, { method: 'POST', token: who.accessToken });
    const seat = await enrol(ana);
    expect(seat.body.status).toBe('confirmed');
    const waiting = await enrol(li);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // Li, who reads Chinese and lives on Chengdu's clock, is told she waits, and where.
    const waitlisted = await system.tap.waitFor('enrolment.waitlisted', (event) => (event.data as any).enrolmentId === waiting.body.id);
    const toLiWaiting = await system.smtp.waitFor((mail) => mail.eventId === waitlisted.id, 'Li’s waiting-list mail');
    expect(toLiWaiting.to).toEqual([li.email]);
    expect(toLiWaiting.subject).toBe('您已进入候补名单：Visit to the e-bus factory（Smart cities mission to Chengdu and Liuzhou）');
    expect(toLiWaiting.text).toContain('尊敬的李伟：');
    expect(toLiWaiting.text).toContain('排在第1位');
    expect(toLiWaiting.text).toContain(
      '2019年6月13日星期四 09:00–12:00（您的时区及活动当地时间：Asia/Shanghai）\n地点：Liuzhou Convention Centre, 2 Guantang Avenue, Liuzhou',
    );

    // Ana gives up her seat: it goes to Li, who is told once, however often the event comes.
    const cancelled = await call(`${url}/sessions/${visit}/enrolments/${seat.body.id}/cancel`, { method: 'POST', token: ana.accessToken });
    expect(cancelled.status).toBe(200);
    const promoted = await system.tap.waitFor('enrolment.confirmed', (event) => (event.data as any).enrolmentId === waiting.body.id);
    expect(promoted.data).toMatchObject({ previousStatus: 'waitlisted', session: { title: 'Visit to the e-bus factory' } });
    const toLiPromoted = await system.smtp.waitFor((mail) => mail.eventId === promoted.id, 'Li’s promotion mail');
    await system.producer.publish(promoted);
    await settled();
    expect(mailsOf(promoted.id)).toHaveLength(1);
    expect(toLiPromoted.to).toEqual([li.email]);
    expect(toLiPromoted.subject).toBe('候补转正：Visit to the e-bus factory（Smart cities mission to Chengdu and Liuzhou）');
    expect(toLiPromoted.text).toContain('您已从候补名单转为正式参加');

    // Ana, in English, on Madrid's clock and the venue's: her seat, then its cancellation.
    // Each once: the tap saw the promotion twice.
    const enrolmentEvents = [
      ...new Map(
        system.tap.events.filter((event) => event.type.startsWith('enrolment.') && (event.data as any).sessionId === visit).map((event) => [event.id, event]),
      ).values(),
    ];
    const ofAna = enrolmentEvents.filter((event) => (event.data as any).registrationId === ana.id);
    expect(ofAna.map((event) => event.type)).toEqual(['enrolment.confirmed', 'enrolment.cancelled']);
    const toAna = ofAna.map((event) => mailsOf(event.id));
    expect(toAna.map((mails) => mails.map((mail) => mail.subject))).toEqual([
      ['Your seat is confirmed: Visit to the e-bus factory (Smart cities mission to Chengdu and Liuzhou)'],
      ['Enrolment cancelled: Visit to the e-bus factory (Smart cities mission to Chengdu and Liuzhou)'],
    ]);
    expect(toAna[0][0].to).toEqual([ana.email]);
    expect(toAna[0][0].text).toContain('Thursday, 13 June 2019, 03:00–06:00 your time (Europe/Madrid)');
    expect(toAna[0][0].text).toContain('Thursday, 13 June 2019, 09:00–12:00 local time at the venue (Asia/Shanghai)');

    // Each enrolment event mailed its participant once, and no one else: Bob, in no session, heard nothing.
    expect(enrolmentEvents).toHaveLength(4);
    expect(enrolmentEvents.map((event) => mailsOf(event.id).length)).toEqual([1, 1, 1, 1]);
    const causes = new Set(enrolmentEvents.map((event) => event.id));
    expect(system.smtp.to(bob.email).filter((mail) => causes.has(mail.eventId!))).toEqual([]);
    const log = await listAll(`${system.url('notifications')}/api/missions/${missionId}/deliveries?limit=100`, token);
    expect(
      log
        .filter((item: any) => causes.has(item.causeEventId))
        .map((item: any) => item.template)
        .sort(),
    ).toEqual(['enrolment.cancelled', 'enrolment.confirmed', 'enrolment.promoted', 'enrolment.waitlisted']);
  });

  it('does not tell an erased requester that their request was declined', async () => {
    const { eve, li } = people;
    const meetingId = randomUUID();
    const declined = createEvent(
      'scheduling',
      'meeting.declined',
      { meetingId, missionId, requesterId: eve.id, inviteeId: li.id, priority: 3, slot: null },
      { subject: meetingId, missionId },
    );
    await system.producer.publish(declined);
    await settled();
    expect(mailsOf(declined.id)).toHaveLength(0);
  });
});
