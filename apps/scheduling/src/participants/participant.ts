import type { RegistrationStatus } from '#contracts';

/**
 * A participant as scheduling knows them from registration's events (never asked of registration):
 * what enrolment and agendas need. No e-mail is kept here; the name, organisation and country are kept
 * for matchmaking's directory (PeopleRepository) and dropped on erasure.
 */
export interface Participant {
  registrationId: string;
  missionId: string;
  /** The registration's status; only a confirmed participant enrols. */
  status: RegistrationStatus;
  delegation: string | null;
  preferredLanguage: string;
  timezone: string;
  erasedAt: Date | null;
}
