import { z } from 'zod';
import { countryCode, instant, localDate, timeZone, uuid } from '../shared.js';

export const missionCity = z.object({ name: z.string().min(1), country: countryCode, timezone: timeZone });

/** The whole mission, so that every consumer can keep its own copy without asking scheduling. */
export const missionSnapshot = z.object({
  missionId: uuid,
  code: z.string().min(1),
  title: z.string().min(1),
  startsOn: localDate,
  endsOn: localDate,
  timezone: timeZone,
  cities: z.array(missionCity),
  themes: z.array(z.string()),
});

export const missionEvents = {
  'mission.created': missionSnapshot,
  'mission.updated': missionSnapshot,
} as const;

export const sessionSnapshot = z.object({
  sessionId: uuid,
  missionId: uuid,
  kind: z.string().min(1),
  title: z.string().min(1),
  startsAt: instant,
  endsAt: instant,
  timezone: timeZone,
  /** `address` was added after v1 was first published, so older events may lack it. */
  venue: z.object({ name: z.string(), city: z.string(), timezone: timeZone, address: z.string().optional() }).nullable(),
  capacity: z.number().int().positive().nullable(),
  /** Added later: the session that holds this one (the forum holding its panels); null or absent when none. */
  parentSessionId: uuid.nullable().optional(),
  /** Added later: the title per language (`title` is the mission's first language's); absent when it has one language only. */
  titles: z.record(z.string(), z.string().min(1)).optional(),
  /**
   * Added later: the session's iCalendar SEQUENCE, as the participant's agenda (`.ics`) has it (bumped on every
   * change), so that a mail's invitation updates the calendar's copy in place. Absent on older events.
   */
  sequence: z.number().int().nonnegative().optional(),
});

export const sessionKinds = [
  'site_visit',
  'forum',
  'panel_discussion',
  'workshop',
  'side_event',
  'b2b_meeting_block',
  'signing_ceremony',
  'reception',
  'transfer',
] as const;
export type SessionKind = (typeof sessionKinds)[number];

export const sessionEvents = {
  'session.scheduled': sessionSnapshot,
  'session.rescheduled': sessionSnapshot.extend({
    previous: z.object({ startsAt: instant, endsAt: instant, venue: sessionSnapshot.shape.venue }),
    participantIds: z.array(uuid),
  }),
  'session.cancelled': sessionSnapshot.extend({ reason: z.string().optional(), participantIds: z.array(uuid) }),
  'schedule.published': z.object({
    missionId: uuid,
    release: z.number().int().positive(),
    publishedAt: instant,
    changes: z.array(z.object({ sessionId: uuid, change: z.enum(['added', 'changed', 'cancelled']) })),
  }),
} as const;

const enrolment = z.object({
  enrolmentId: uuid,
  sessionId: uuid,
  missionId: uuid,
  registrationId: uuid,
  waitlistPosition: z.number().int().positive().nullable(),
  /**
   * Added later: the session as it stands, so that the participant can be told where they are enrolled
   * (title, time, venue and its time zone) without asking scheduling. Older events lack it.
   */
  session: sessionSnapshot.pick({ kind: true, title: true, startsAt: true, endsAt: true, timezone: true, venue: true, sequence: true }).optional(),
  /** Added later: where the enrolment stood before (null: it is new). A confirmation from `waitlisted` is a promotion. */
  previousStatus: z.enum(['confirmed', 'waitlisted']).nullable().optional(),
});

export const enrolmentEvents = {
  'enrolment.confirmed': enrolment,
  'enrolment.waitlisted': enrolment,
  'enrolment.cancelled': enrolment.extend({
    /** Added later: `withdrawn` (the participant or an organiser cancelled it) or `participant-left` (their registration was cancelled or erased). */
    reason: z.enum(['withdrawn', 'participant-left']).optional(),
  }),
} as const;

/** Where a meeting stands between two participants; whether a run gave it a place is beside this, not one of them. */
export const meetingStatuses = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

const meetingSlot = z.object({ startsAt: instant, endsAt: instant, table: z.string() });

const meeting = z.object({
  meetingId: uuid,
  missionId: uuid,
  requesterId: uuid,
  inviteeId: uuid,
  priority: z.number().int().min(1).max(5),
  message: z.string().max(1000).optional(),
  slot: meetingSlot.nullable(),
  /** Added later: set when an organiser proposed the meeting (it is accepted for both at once). */
  proposedBy: z.literal('organiser').optional(),
  /** Added later, on `meeting.scheduled` for a meeting a run moved: where it was before. */
  previousSlot: meetingSlot.optional(),
  /** Added later, on `meeting.cancelled`: why (a party left the mission, or no slot was left for it). */
  reason: z.enum(['participant-left', 'withdrawn', 'not-scheduled']).optional(),
  /** Added later: how a placed meeting went, as an organiser recorded it (announced again as `meeting.scheduled`, same place). */
  outcome: z.enum(['held', 'no_show']).optional(),
  /**
   * Added later, for a group meeting (a delegation with a company's team): everyone attending on each
   * side, the requester and invitee included. Absent on a one-to-one meeting: its people are requester and invitee.
   */
  attendees: z.array(z.object({ registrationId: uuid, side: z.enum(['requester', 'invitee']) })).optional(),
  /** Added later: the meeting's iCalendar SEQUENCE, as the participant's agenda (`.ics`) has it. Absent on older events. */
  sequence: z.number().int().nonnegative().optional(),
  /** Added later: the MoU the meeting led to, as an organiser recorded it with the outcome; null once unlinked, absent when never linked. */
  mouId: uuid.nullable().optional(),
});

const timetableMeeting = z.object({
  meetingId: uuid,
  startsAt: instant,
  endsAt: instant,
  table: z.string(),
  venue: z.object({ name: z.string(), city: z.string(), timezone: timeZone }).nullable(),
  counterpartId: uuid,
  /** Added later: the meeting's iCalendar SEQUENCE, as the participant's agenda (`.ics`) has it. Absent on older events. */
  sequence: z.number().int().nonnegative().optional(),
});

export const meetingEvents = {
  'meeting.requested': meeting,
  'meeting.accepted': meeting,
  'meeting.declined': meeting,
  'meeting.scheduled': meeting,
  'meeting.cancelled': meeting,
  /**
   * An organiser recorded (or corrected) how a placed meeting went, and the MoU it led to if any
   * (`mouId`, null when none). The MoU registry keeps its meetings from it. (`meeting.scheduled` is
   * announced too, as before, for whoever counts outcomes from it.)
   */
  'meeting.outcome_recorded': meeting.extend({ outcome: z.enum(['held', 'no_show']), mouId: uuid.nullable() }),
  /**
   * Once per scheduling run for each participant whose meetings it scheduled, moved or cancelled: their
   * whole timetable as it now is and what changed, so one notice per participant and run tells it all.
   */
  'meeting.timetable_published': z.object({
    missionId: uuid,
    registrationId: uuid,
    runId: uuid,
    /** The participant's first timetable. */
    first: z.boolean(),
    meetings: z.array(timetableMeeting),
    changes: z.array(
      z.object({
        meetingId: uuid,
        change: z.enum(['scheduled', 'moved', 'cancelled']),
        /** Where a moved or cancelled meeting was. */
        previous: timetableMeeting.omit({ meetingId: true }).optional(),
      }),
    ),
  }),
} as const;
