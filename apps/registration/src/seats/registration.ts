import type { RegistrationStatus, organisationTypes } from '#contracts';

/** An answer to a category's question: text, a date (YYYY-MM-DD) or one option's value; a yes/no; several options' values. */
export type Answer = string | boolean | string[];
export type Answers = Record<string, Answer>;

/** One registration of a participant to a mission, as its row holds it. */
export interface Registration {
  id: string;
  /** Arrival order, for the organiser's list (keyset pagination). */
  seq: string;
  missionId: string;
  status: RegistrationStatus;
  email: string;
  givenName: string;
  familyName: string;
  jobTitle: string | null;
  organisationName: string;
  organisationType: (typeof organisationTypes)[number];
  organisationCountry: string;
  organisationCity: string | null;
  /** The delegation's name (kept in step with it), or a free text where the mission has no delegations. */
  delegation: string | null;
  /** The registration category (categories/) it was made in, its id and code (both never change); null when the mission has none. */
  categoryId?: string | null;
  categoryCode?: string | null;
  /** Answers to its category's questions, by question key; null once erased, or without a category. */
  answers?: Answers | null;
  /** The mission's delegation (delegations/); null when none. */
  delegationId: string | null;
  /** The member's role in their delegation, as its head or an organiser marks it. */
  delegationRole: string | null;
  preferredLanguage: string;
  timezone: string;
  dietary: string | null;
  accessibility: string | null;
  consentedAt: Date;
  /** SHA-256 of the participant's access token; null once erased. */
  tokenHash: string | null;
  /** Generation of the participant's sign-in links: a link of an older one is refused (DESIGN.md, Participant links). */
  linkGeneration: number;
  /** Generation of the participant's access token, which is derived from it and the id. */
  tokenGeneration: number;
  /** When the last link the participant asked for was mailed, for the once-a-minute rule. */
  linkRequestedAt?: Date | null;
  /** Place in the mission's waitlist order, taken when the registration joined it. */
  waitlistOrder: string | null;
  rejectionReason: string | null;
  checkedInAt: Date | null;
  cancelledAt: Date | null;
  /** When the participant's personal data was erased (GDPR), see participant-data/; optional so registrations built in memory need not name it. */
  erasedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a use case may change of a registration (never its id, mission, arrival order). */
export type RegistrationChange = Partial<Omit<Registration, 'id' | 'seq' | 'missionId'>>;

/** A registration before its insert, which gives it its arrival order. */
export type NewRegistration = Omit<Registration, 'seq'>;
