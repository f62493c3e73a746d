/** A delegation of a mission as its row holds it (DESIGN.md, "Delegations"). */
export interface Delegation {
  id: string;
  missionId: string;
  /** The main name (English if it has one): the registrations' `delegation` spells it so. */
  name: string;
  /** The name per language (BCP 47 tag). */
  names: Record<string, string>;
  /** ISO 3166-1 alpha-2, or `EU`. */
  country: string;
  city: string | null;
  parentId: string | null;
  headRegistrationId: string | null;
  /** Order of precedence, 1 first. */
  precedence: number;
  /** Most confirmed seats, its sub-delegations' included; null: capacity only. */
  quota: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** How many of a delegation's own registrations (not its sub-delegations') are in each state. */
export interface DelegationCounts {
  confirmed: number;
  waitlisted: number;
  pendingApproval: number;
}
