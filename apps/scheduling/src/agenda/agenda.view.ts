import { instant, languageTag, sessionKinds, timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { timetableEntryView, wallClock } from '../meetings/timetables/timetable.view.js';
import { speakerRoles } from '../sessions/session.schema.js';
import { roomView, venueView } from '../venues/venue.view.js';

/** A released session as the programme shows it; the schema also documents the responses. */
export const programmeEntry = z.object({
  sessionId: uuid,
  kind: z.enum(sessionKinds),
  title: z.string().describe("In the caller's language (Accept-Language) if the session has it, else in the mission's first language."),
  description: z.string().nullable(),
  parent: z
    .object({ sessionId: uuid, title: z.string() })
    .nullable()
    .describe('The session that holds this one (the forum of a panel); null for one at the top of the programme.'),
  depth: z.number().int().nonnegative().describe('How many sessions hold this one: 0 at the top, 1 for a panel of a forum.'),
  status: z.enum(['scheduled', 'cancelled']).describe('A cancelled session stays, so that calendars remove it.'),
  startsAt: instant,
  endsAt: instant,
  venueTime: wallClock.describe("The same two instants on the venue's wall clock (the mission's, without a venue)."),
  venue: venueView.nullable(),
  room: roomView.nullable().describe('The room of the venue; null for the whole venue.'),
  route: z
    .object({ from: z.string(), to: z.string(), fromVenueId: uuid.optional(), toVenueId: uuid.optional() })
    .nullable()
    .describe("A transfer's journey between two of the mission's cities, or two venues of one."),
  hostEvent: z.string().nullable().describe("A side event's host event, e.g. a trade fair."),
  languages: z.array(languageTag),
  interpretation: z.array(z.object({ from: languageTag, to: languageTag })),
  speakers: z.array(z.object({ role: z.enum(speakerRoles), name: z.string() })),
  sequence: z.number().int().nonnegative().describe('Bumped on every change (iCalendar SEQUENCE).'),
});

export type ProgrammeEntry = z.infer<typeof programmeEntry>;

export const agendaRoles = ['enrolled', 'waitlisted', 'moderator', 'panellist', 'speaker', 'travelling'] as const;
export type AgendaRole = (typeof agendaRoles)[number];

export const agendaEntry = programmeEntry.extend({
  role: z.enum(agendaRoles).describe('Why the session is in the agenda: an enrolment, a part as a speaker, or a transfer meant for the participant.'),
  enrolmentId: uuid.nullable().describe("The participant's enrolment (a seat or a place in line), which they cancel to leave the session; null without one."),
  participantTime: wallClock.describe("The same two instants on the participant's wall clock."),
});

export type AgendaEntry = z.infer<typeof agendaEntry>;

/** A participant's agenda as the API answers it. */
export const agendaView = z.object({
  missionId: uuid,
  registrationId: uuid,
  timezone: timeZone.describe("The participant's time zone."),
  items: z
    .array(agendaEntry)
    .describe('Their part of the released programme, in time order, each session followed by those of them it holds (the forum, then its panels).'),
  meetings: z.array(timetableEntryView).describe("The participant's B2B meetings as the last scheduling run placed them."),
});

export type Agenda = z.infer<typeof agendaView>;

/** The released programme as anyone may see it. */
export const publicProgrammeView = z.object({
  missionId: uuid,
  code: z.string(),
  title: z.string(),
  timezone: timeZone.describe("The mission's time zone."),
  items: z
    .array(programmeEntry)
    .describe('Every released session but those by invitation only, in time order, each followed by those it holds (the forum, then its panels).'),
});

export type PublicProgramme = z.infer<typeof publicProgrammeView>;
