import { instant, timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { personView } from '../../participants/person.view.js';
import { meetingOutcomeSchema } from '../requests/meeting.schema.js';

/** Two instants on one wall clock: the participant's, or the venue's. */
export const wallClock = z.object({ timezone: timeZone, startsAt: instant, endsAt: instant });

/** A meeting of a participant's timetable as the API answers it; the schema also documents the responses. */
export const timetableEntryView = z.object({
  meetingId: uuid,
  counterpartId: uuid.describe("The other participant (for a group meeting, the other side's lead)."),
  counterpart: personView.describe('Who the counterpart is.'),
  with: z.array(personView).describe('Everyone on the other side: the counterpart, and their team at a group meeting.'),
  startsAt: instant,
  endsAt: instant,
  participantTime: wallClock.describe("The same instants on the participant's wall clock."),
  venueTime: wallClock.nullable().describe("The same instants on the venue's wall clock; null when the block has no venue."),
  table: z.number().int().positive(),
  blockId: uuid.describe('The meeting block (a session).'),
  venue: z.object({ name: z.string(), city: z.string(), timezone: timeZone }).nullable(),
  outcome: meetingOutcomeSchema.shape.outcome.nullable().describe('How the meeting went, as an organiser recorded it; null until then.'),
});

/** An entry as the JSON shows it (the calendar's bookkeeping left out). */
export type PublicTimetableEntry = z.infer<typeof timetableEntryView>;

/** A participant's meeting timetable as the API answers it. */
export const timetableView = z.object({
  missionId: uuid,
  registrationId: uuid,
  timezone: timeZone.describe("The participant's time zone."),
  items: z.array(timetableEntryView).describe('The meetings as the last run placed them, in time order (then by table).'),
});

export type Timetable = z.infer<typeof timetableView>;
