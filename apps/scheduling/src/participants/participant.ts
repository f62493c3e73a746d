import type { RegistrationStatus } from '#contracts';

/**
 * A participant as scheduling knows them from registration's events (never asked of registration):
 * only what enrolment and agendas need, so no name or e-mail is kept here.
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
