import { z } from 'zod';
import { instant, languageTag, localDate, organisation, timeZone, uuid } from '../shared.js';

/** A counter of a registration's sign-in links or access tokens: each new one ends those before it. */
const generation = z.number().int().positive();

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
    /** Added later: the mission's delegation (see `delegation.saved`) whose name `delegation` is; null when none. */
    delegationId: uuid.nullable().optional(),
  }),
  /** Added later: the registration category (delegate, host official, forum guest, press, staff…) it was made in; null when the mission has none. */
  category: z
    .object({ categoryId: uuid, code: z.string().min(1) })
    .nullable()
    .optional(),
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
  /**
   * The registration's sign-in link generation: a link naming an older one is refused, so a mail
   * must carry a link of this one (notifications mints it). Optional only for events recorded before it was added.
   */
  linkGeneration: generation.optional(),
  /** The generation of the access token whose hash is `accessTokenHash`; a hash of an older generation never replaces a newer one. */
  tokenGeneration: generation.optional(),
});

export type RegistrationSnapshot = z.infer<typeof registrationSnapshot>;

/**
 * The new access token's verifier (SHA-256, 64 hex) when a token is replaced: the token itself never
 * travels, nor does a sign-in link (notifications mints links itself, see DESIGN.md "Participant links").
 */
const accessTokenHash = z.string().regex(/^[0-9a-f]{64}$/);

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
  /**
   * The participant asked for their sign-in link again: a new link generation ends every older link;
   * notifications mails a link of this generation (the "send me my link again" form).
   */
  'participant.access_link_requested': z.object({ registrationId: uuid, missionId: uuid, linkGeneration: generation, requestedAt: instant }),
  /**
   * The participant or an organiser revoked the participant's access: every link and the access token
   * end (both generations move on); services that accept the token take the new one's hash, and
   * notifications mails a link of the new generation.
   */
  'participant.access_revoked': z.object({
    registrationId: uuid,
    missionId: uuid,
    linkGeneration: generation,
    tokenGeneration: generation,
    accessTokenHash,
    revokedBy: z.enum(['participant', 'organiser']),
    revokedAt: instant,
  }),
  /**
   * A registration made before access tokens were derived signed in with a link and was given a
   * derived token in place of its random one (same generation); services that accept the token take its hash. Nobody is mailed.
   */
  'participant.access_token_renewed': z.object({
    registrationId: uuid,
    missionId: uuid,
    tokenGeneration: generation,
    accessTokenHash,
    renewedAt: instant,
  }),
} as const;
