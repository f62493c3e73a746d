import type { SessionPlace } from '../session-place.js';

/** What mails of several kinds say alike, in one language. */
export interface SharedTemplates {
  /** The closing paragraph, signed by the mission's organisers. */
  closing(missionTitle: string): string;
  /** The paragraph that gives the participant their sign-in link (`link`), before the closing. */
  manage(link: string): string;
  /** When (in the recipient's `timezone` and the venue's) and where a session is: every mail about a session says it so. */
  whenAndWhere(place: SessionPlace, timezone: string): string;
}
