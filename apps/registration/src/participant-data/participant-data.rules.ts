import type { Caller } from '#common';
import type { RegistrationStatus } from '#contracts';
import type { Registration } from '../seats/registration.js';
import type { ParticipantDetails } from './participant-data.schema.js';

/** The columns of a registration that hold the participant's own details. */
export type ParticipantColumns = Pick<
  Registration,
  | 'givenName'
  | 'familyName'
  | 'jobTitle'
  | 'preferredLanguage'
  | 'timezone'
  | 'organisationName'
  | 'organisationType'
  | 'organisationCountry'
  | 'organisationCity'
  | 'dietary'
  | 'accessibility'
  | 'delegation'
  | 'delegationId'
>;

/** What erasure writes over a registration's personal data. */
export type Erasure = Pick<
  Registration,
  'email' | 'givenName' | 'familyName' | 'jobTitle' | 'organisationCity' | 'dietary' | 'accessibility' | 'answers' | 'tokenHash' | 'updatedAt'
> & { erasedAt: Date };

export type Editability = { allowed: true } | { allowed: false; reason: 'already-erased' | 'cancelled' };

/** A change of field to its column; the input's `organisation` is nested, the row's is not. */
const columnOf: Record<string, keyof ParticipantColumns> = {
  givenName: 'givenName',
  familyName: 'familyName',
  jobTitle: 'jobTitle',
  preferredLanguage: 'preferredLanguage',
  timezone: 'timezone',
  dietary: 'dietary',
  accessibility: 'accessibility',
  delegation: 'delegation',
  'organisation.name': 'organisationName',
  'organisation.type': 'organisationType',
  'organisation.country': 'organisationCountry',
  'organisation.city': 'organisationCity',
};

/** Fields only an organiser may change: the delegation decides which quota a seat counts against. */
const organiserOnly = new Set<keyof ParticipantColumns>(['delegation']);

/**
 * Changing and erasing a participant's personal data: plain code, tested without Nest, a database
 * or a broker. The caller holds the registration's row lock (and the mission's, to move a seat).
 */
export class ParticipantDataRules {
  /** Nothing changes for an erased registration, nor for a cancelled one (it is over; erasure is what remains). */
  static editable(registration: { status: RegistrationStatus; erasedAt?: Date | null }): Editability {
    if (registration.erasedAt) return { allowed: false, reason: 'already-erased' };
    if (registration.status === 'cancelled') return { allowed: false, reason: 'cancelled' };
    return { allowed: true };
  }

  /** The columns the change would write: only those whose value differs, so resending a form changes nothing. */
  static changes(registration: ParticipantColumns, input: ParticipantDetails): Partial<ParticipantColumns> {
    const { organisation, email: _email, ...flat } = input;
    const fields: [string, unknown][] = [
      ...Object.entries(flat),
      ...Object.entries(organisation ?? {}).map(([key, value]): [string, unknown] => [`organisation.${key}`, value]),
    ];
    const changes: Partial<Record<keyof ParticipantColumns, unknown>> = {};
    for (const [field, value] of fields) {
      const column = columnOf[field];
      if (column === undefined || value === undefined || registration[column] === value) continue;
      changes[column] = value;
    }
    return changes as Partial<ParticipantColumns>;
  }

  /** The fields (as the request names them) of a change that this caller may not make. */
  static refusedFields(caller: Caller['kind'], changes: Partial<ParticipantColumns>): string[] {
    if (caller === 'organiser') return [];
    return Object.keys(changes).filter((column) => organiserOnly.has(column as keyof ParticipantColumns));
  }

  /** An address that identifies no one, is unique per registration and can never be delivered (RFC 2606 `.invalid`). */
  static erasedEmail(registrationId: string): string {
    return `erased+${registrationId}@erased.invalid`;
  }

  /**
   * What erasure writes: everything that identifies the person goes; what the organisers' counts
   * rely on (organisation name, type and country, delegation, category, status, language) stays.
   */
  static erasure(registrationId: string, erasedAt: Date): Erasure {
    return {
      email: ParticipantDataRules.erasedEmail(registrationId),
      givenName: '',
      familyName: '',
      jobTitle: null,
      organisationCity: null,
      dietary: null,
      accessibility: null,
      // Answers to a category's questions (passport name, dietary needs, photo consent…) are the person's.
      answers: null,
      tokenHash: null,
      erasedAt,
      updatedAt: erasedAt,
    };
  }
}
