import type { Meeting } from './meeting.js';
import { attendeesOf, MAX_PER_SIDE, meetingPayload, meetingSequence, refuseAnswer, refuseOutcome, refuseWithdrawal } from './meeting.rules.js';

const meeting = (overrides: Partial<Meeting> = {}) =>
  ({
    id: '00000000-0000-4000-8000-000000000001',
    missionId: '00000000-0000-4000-8000-0000000000aa',
    requesterId: 'ana',
    inviteeId: 'li',
    proposedBy: null,
    priority: 4,
    message: null,
    status: 'requested',
    slotId: null,
    startsAt: null,
    endsAt: null,
    tableNumber: null,
    createdAt: new Date('2019-06-01T08:00:00Z'),
    updatedAt: new Date('2019-06-01T08:00:00Z'),
    attendees: [],
    mouId: null,
    ...overrides,
  }) as Meeting;

describe('meeting rules', () => {
  it('lets the invitee or an organiser answer a pending request, once', () => {
    expect(refuseAnswer(meeting(), { organiser: false, registrationId: 'li' })).toBeNull();
    expect(refuseAnswer(meeting(), { organiser: true })).toBeNull();
    expect(refuseAnswer(meeting(), { organiser: false, registrationId: 'ana' })).toMatchObject({ kind: 'forbidden' });
    expect(refuseAnswer(meeting({ status: 'accepted' }), { organiser: false, registrationId: 'li' })).toMatchObject({ code: 'already-answered' });
  });

  it('lets either party call off an open meeting, nobody else', () => {
    expect(refuseWithdrawal(meeting({ status: 'accepted' }), { organiser: false, registrationId: 'ana' })).toBeNull();
    expect(refuseWithdrawal(meeting(), { organiser: false, registrationId: 'li' })).toBeNull();
    expect(refuseWithdrawal(meeting(), { organiser: false, registrationId: 'zoe' })).toMatchObject({ kind: 'forbidden' });
    expect(refuseWithdrawal(meeting({ status: 'declined' }), { organiser: true })).toMatchObject({ code: 'meeting-closed' });
  });

  it('records an outcome only for a meeting with a place', () => {
    expect(refuseOutcome(meeting({ status: 'accepted' }), 'held')).toMatchObject({ code: 'meeting-not-scheduled' });
    expect(refuseOutcome(meeting({ status: 'accepted', slotId: 'b@1' }), 'no_show')).toBeNull();
  });

  it('makes a group meeting of the two leads and the teams named, requester’s side first', () => {
    expect(attendeesOf('ana', 'li')).toEqual({
      attendees: [
        { registrationId: 'ana', side: 'requester' },
        { registrationId: 'li', side: 'invitee' },
      ],
    });
    expect(
      attendeesOf('ana', 'li', [
        { registrationId: 'cai', side: 'invitee' },
        { registrationId: 'dan', side: 'requester' },
        { registrationId: 'ana', side: 'requester' },
      ]),
    ).toEqual({
      attendees: [
        { registrationId: 'ana', side: 'requester' },
        { registrationId: 'dan', side: 'requester' },
        { registrationId: 'li', side: 'invitee' },
        { registrationId: 'cai', side: 'invitee' },
      ],
    });
  });

  it('refuses someone on both sides, and a side of more than the most', () => {
    expect(attendeesOf('ana', 'li', [{ registrationId: 'li', side: 'requester' }])).toMatchObject({ error: { field: 'attendees' } });
    expect(
      attendeesOf('ana', 'li', [
        { registrationId: 'cai', side: 'invitee' },
        { registrationId: 'cai', side: 'requester' },
      ]),
    ).toMatchObject({ error: { field: 'attendees' } });
    const team = Array.from({ length: MAX_PER_SIDE }, (_, i) => ({ registrationId: `t${i}`, side: 'requester' as const }));
    expect(attendeesOf('ana', 'li', team)).toMatchObject({ error: { message: expect.stringContaining(`${MAX_PER_SIDE}`) } });
    expect(attendeesOf('ana', 'li', team.slice(1))).toHaveProperty('attendees');
  });

  it('names the attendees in its events only for a group meeting, and the MoU it led to', () => {
    const pair = meeting({
      attendees: [
        { registrationId: 'ana', side: 'requester' },
        { registrationId: 'li', side: 'invitee' },
      ],
    });
    expect(meetingPayload(pair)).not.toHaveProperty('attendees');
    const group = meeting({ attendees: [...pair.attendees, { registrationId: 'cai', side: 'invitee' }], mouId: '00000000-0000-4000-8000-0000000000bb' });
    expect(meetingPayload(group)).toMatchObject({ attendees: group.attendees, mouId: '00000000-0000-4000-8000-0000000000bb' });
  });

  it('carries the announced place with the table as text, and who proposed it', () => {
    const placed = meeting({
      status: 'accepted',
      proposedBy: 'org-1',
      startsAt: new Date('2019-06-10T01:00:00Z'),
      endsAt: new Date('2019-06-10T01:30:00Z'),
      tableNumber: 7,
    });
    expect(meetingPayload(placed)).toMatchObject({
      proposedBy: 'organiser',
      slot: { startsAt: '2019-06-10T01:00:00.000Z', endsAt: '2019-06-10T01:30:00.000Z', table: '7' },
    });
    expect(meetingPayload(meeting()).slot).toBeNull();
  });

  it('carries the calendar SEQUENCE the agenda gives it: the seconds from its request to its last change', () => {
    expect(meetingPayload(meeting()).sequence).toBe(0);
    expect(meetingPayload(meeting({ updatedAt: new Date('2019-06-01T08:02:03.900Z') })).sequence).toBe(123);
    expect(meetingSequence({ createdAt: new Date(1000), updatedAt: new Date(500) })).toBe(0);
  });
});
