import { spreadsheetSafe } from '#common';
import type { EventTypeOf, RegistrationSnapshot, RegistrationStatus } from '#contracts';
import type { MissionOfEvents } from '../missions/mission.entity.js';
import type { RegistrationEntity } from './registration.entity.js';

/** What leaves the API about a registration: decided here and nowhere else (never the token's hash). */
export interface RegistrationView {
  id: string;
  missionId: string;
  status: RegistrationStatus;
  /** 1 for the next in line; null unless waitlisted. */
  waitlistPosition: number | null;
  email: string;
  givenName: string;
  familyName: string;
  jobTitle: string | null;
  organisation: { name: string; type: RegistrationEntity['organisationType']; country: string; city: string | null };
  delegation: string | null;
  preferredLanguage: string;
  timezone: string;
  dietary: string | null;
  accessibility: string | null;
  consent: { dataProcessing: true; givenAt: string };
  rejectionReason: string | null;
  checkedInAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer to the registration form: the only time the access token is shown. */
export interface RegistrationCreatedView {
  id: string;
  status: RegistrationStatus;
  accessToken: string;
}

export function toRegistrationView(registration: RegistrationEntity, waitlistPosition: number | null): RegistrationView {
  return {
    id: registration.id,
    missionId: registration.missionId,
    status: registration.status,
    waitlistPosition: registration.status === 'waitlisted' ? waitlistPosition : null,
    email: registration.email,
    givenName: registration.givenName,
    familyName: registration.familyName,
    jobTitle: registration.jobTitle,
    organisation: {
      name: registration.organisationName,
      type: registration.organisationType,
      country: registration.organisationCountry,
      city: registration.organisationCity,
    },
    delegation: registration.delegation,
    preferredLanguage: registration.preferredLanguage,
    timezone: registration.timezone,
    dietary: registration.dietary,
    accessibility: registration.accessibility,
    consent: { dataProcessing: true, givenAt: registration.consentedAt.toISOString() },
    rejectionReason: registration.rejectionReason,
    checkedInAt: registration.checkedInAt?.toISOString() ?? null,
    cancelledAt: registration.cancelledAt?.toISOString() ?? null,
    createdAt: registration.createdAt.toISOString(),
    updatedAt: registration.updatedAt.toISOString(),
  };
}

export function toRegistrationCreated(registration: RegistrationEntity, accessToken: string): RegistrationCreatedView {
  return { id: registration.id, status: registration.status, accessToken };
}

export const csvColumns = [
  'id',
  'status',
  'waitlistPosition',
  'email',
  'givenName',
  'familyName',
  'jobTitle',
  'organisationName',
  'organisationType',
  'organisationCountry',
  'organisationCity',
  'delegation',
  'preferredLanguage',
  'timezone',
  'dietary',
  'accessibility',
  'checkedInAt',
  'cancelledAt',
  'createdAt',
] as const;

export type CsvRecord = Record<(typeof csvColumns)[number], string | number | null>;

/** One line of the organisers' CSV export. */
export function toCsvRecord(registration: RegistrationEntity, waitlistPosition: number | null): CsvRecord {
  const view = toRegistrationView(registration, waitlistPosition);
  return {
    id: view.id,
    status: view.status,
    waitlistPosition: view.waitlistPosition,
    email: spreadsheetSafe(view.email),
    givenName: spreadsheetSafe(view.givenName),
    familyName: spreadsheetSafe(view.familyName),
    jobTitle: spreadsheetSafe(view.jobTitle),
    organisationName: spreadsheetSafe(view.organisation.name),
    organisationType: view.organisation.type,
    organisationCountry: view.organisation.country,
    organisationCity: spreadsheetSafe(view.organisation.city),
    delegation: spreadsheetSafe(view.delegation),
    preferredLanguage: view.preferredLanguage,
    timezone: view.timezone,
    dietary: spreadsheetSafe(view.dietary),
    accessibility: spreadsheetSafe(view.accessibility),
    checkedInAt: view.checkedInAt,
    cancelledAt: view.cancelledAt,
    createdAt: view.createdAt,
  };
}

export const eventTypeOfStatus = {
  pending_approval: 'registration.submitted',
  confirmed: 'registration.confirmed',
  waitlisted: 'registration.waitlisted',
  rejected: 'registration.rejected',
  cancelled: 'registration.cancelled',
} as const satisfies Record<RegistrationStatus, EventTypeOf<'registration'>>;

/** What the `registration.*` events carry: the participant, and the mission as registration knows it. */
export function toSnapshot(
  registration: RegistrationEntity,
  mission: MissionOfEvents,
  change: { previousStatus: RegistrationStatus | null; waitlistPosition: number | null; occurredAt: Date },
): RegistrationSnapshot {
  return {
    registrationId: registration.id,
    missionId: registration.missionId,
    status: registration.status,
    previousStatus: change.previousStatus,
    waitlistPosition: registration.status === 'waitlisted' ? change.waitlistPosition : null,
    participant: {
      email: registration.email,
      givenName: registration.givenName,
      familyName: registration.familyName,
      jobTitle: registration.jobTitle,
      preferredLanguage: registration.preferredLanguage,
      timezone: registration.timezone,
      organisation: {
        name: registration.organisationName,
        type: registration.organisationType,
        country: registration.organisationCountry,
        ...(registration.organisationCity ? { city: registration.organisationCity } : {}),
      },
      delegation: registration.delegation,
    },
    mission: { code: mission.code, title: mission.title, startsOn: mission.startsOn, endsOn: mission.endsOn, timezone: mission.timezone },
    reason: registration.status === 'rejected' ? registration.rejectionReason : null,
    occurredAt: change.occurredAt.toISOString(),
    accessTokenHash: tokenHashOf(registration),
  };
}

/**
 * The hash travels in the events so that scheduling can accept the participant's own token. It is
 * the SHA-256 of 256 random bits: a verifier, not a credential (nothing can be done with the hash,
 * and the token cannot be found from it), so it may leave this service the way a password hash may
 * not. A registration loaded without it (`select: false`) is a bug, not a registration without a token.
 */
function tokenHashOf(registration: RegistrationEntity): string | null {
  if (registration.tokenHash === undefined) throw new Error(`registration ${registration.id} was loaded without its token hash`);
  return registration.tokenHash;
}
