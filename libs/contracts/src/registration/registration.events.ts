import { z } from 'zod';
import { instant, languageTag, localDate, organisation, timeZone, uuid } from '../shared.js';

export const registrationStatuses = ['pending_approval', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/**
 * What a consumer needs to know of a registration: who the participant is, how to reach them,
 * in which language and time zone, and the mission as registration knows it.
 */
export const registrationSnapshot = z.object({
  registrationId: uuid,
  missionId: uuid,
  status: z.enum(registrationStatuses),
  previousStatus: z.enum(registrationStatuses).nullable(),
  waitlistPosition: z.number().int().positive().nullable(),
  participant: z.object({
    email: z.email(),
    givenName: z.string(),
    familyName: z.string(),
    jobTitle: z.string().nullable(),
    preferredLanguage: languageTag,
    timezone: timeZone,
    organisation,
    delegation: z.string().nullable(),
  }),
  mission: z.object({
    code: z.string(),
    title: z.string(),
    startsOn: localDate,
    endsOn: localDate,
    timezone: timeZone,
  }),
  reason: z.string().nullable(),
  occurredAt: instant,
});

export type RegistrationSnapshot = z.infer<typeof registrationSnapshot>;

export const registrationEvents = {
  'registration.submitted': registrationSnapshot,
  'registration.confirmed': registrationSnapshot,
  'registration.waitlisted': registrationSnapshot,
  'registration.rejected': registrationSnapshot,
  'registration.cancelled': registrationSnapshot,
  'registration.updated': registrationSnapshot,
  'participant.checked_in': z.object({ registrationId: uuid, missionId: uuid, checkedInAt: instant }),
  /** Personal data is gone from registration; consumers drop theirs too. */
  'participant.erased': z.object({ registrationId: uuid, missionId: uuid, erasedAt: instant }),
} as const;
