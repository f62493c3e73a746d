/** A participant's matchmaking profile: published by them (opt-in), withdrawn by deleting it. */
export interface MatchmakingProfile {
  registrationId: string;
  missionId: string;
  offers: string;
  seeks: string;
  themes: string[];
  sectors: string[];
  languages: string[];
  createdAt: Date;
  updatedAt: Date;
}

import type { Person } from '../../participants/person.js';

/** A profile in the directory, with its participant's delegation and who they are, and its place in publication order. */
export interface DirectoryEntry {
  profile: MatchmakingProfile;
  delegation: string | null;
  person: Person;
  /** Publication order, for keyset pagination. */
  seq: string;
}
