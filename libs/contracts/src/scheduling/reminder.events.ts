import { z } from 'zod';
import { instant, uuid } from '../shared.js';
import { sessionSnapshot } from './mission.events.js';

/**
 * An ISO 8601 duration before the start (`P1D`, `PT1H`): which of the configured reminders this is
 * (`SESSION_REMINDER_OFFSETS`, `MEETING_REMINDER_OFFSETS`).
 */
const offset = z.string().regex(/^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'must be an ISO 8601 duration, e.g. P1D or PT1H');

/**
 * Due reminders, one event per recipient, announced once (scheduling keeps what it announced, in the
 * transaction that announces it): what the mail needs, so that notifications asks nothing.
 */
export const reminderEvents = {
  /** A session a participant holds a seat in (or speaks at) starts in `offset`. */
  'session.reminder_due': z.object({
    reminderId: uuid,
    missionId: uuid,
    registrationId: uuid,
    offset,
    /** The recipient's part in it. */
    role: z.enum(['enrolled', 'speaker']),
    session: sessionSnapshot.omit({ capacity: true }),
  }),
  /** A placed meeting of the participant starts in `offset`. */
  'meeting.reminder_due': z.object({
    reminderId: uuid,
    missionId: uuid,
    registrationId: uuid,
    offset,
    meetingId: uuid,
    /** Everyone else at the meeting, by registration id. */
    counterpartIds: z.array(uuid),
    startsAt: instant,
    endsAt: instant,
    table: z.string(),
    venue: z.object({ name: z.string(), city: z.string(), timezone: z.string() }).nullable(),
    /** The meeting's iCalendar SEQUENCE, as the participant's agenda has it. */
    sequence: z.number().int().nonnegative(),
  }),
} as const;
