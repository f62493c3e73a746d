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
  /**
   * SHA-256 (64 hex) of the participant's access token, so that other services can accept the same
   * token without asking registration; null once the participant's data is erased. Optional only for
   * events recorded before it was added. The token is 256 random bits, so its hash is a verifier:
   * it cannot be turned back into the token, and it opens nothing by itself.
   */
  accessTokenHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
    .optional(),
});

export type RegistrationSnapshot = z.infer<typeof registrationSnapshot>;

/** The registration.* events whose data is a whole registration snapshot. */
export const registrationSnapshotTypes = [
  'registration.submitted',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.rejected',
  'registration.cancelled',
  'registration.updated',
] as const;
export type RegistrationSnapshotType = (typeof registrationSnapshotTypes)[number];

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
