import { personName } from '#common';
/** Whom matchmaking names: never an e-mail address. Null fields once the person is erased (or before registration told their name). */
export interface Person {
  registrationId: string;
  /** Given and family name. */
  name: string | null;
  organisation: string | null;
  /** ISO 3166-1 alpha-2 of the organisation. */
  country: string | null;
  delegation: string | null;
}

/** A line of the matchmaking directory: the person and their profile if they published one. */
export interface DirectoryPerson {
  person: Person;
  /** Only the viewer themselves is listed while hidden. */
  hidden: boolean;
  profile: { offers: string; seeks: string; themes: string[]; sectors: string[]; languages: string[]; updatedAt: Date } | null;
  sortName: string;
}

/** Given and family name as one, or null when neither is known. */
export function fullName(givenName: string | null, familyName: string | null): string | null {
  return personName(givenName ?? '', familyName ?? '') || null;
}
