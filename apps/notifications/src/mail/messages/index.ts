import type { MailLanguage } from '../mail-language.js';
import { messagesIn, type Catalogues, type Messages } from '../mail-messages.js';
import type { SessionPlace } from '../session-place.js';
import { ca } from './ca.js';
import { de } from './de.js';
import { en, type SharedMessage } from './en.js';
import { es } from './es.js';
import { it } from './it.js';
import { zh } from './zh.js';

export type { SharedMessage } from './en.js';
export const sharedCatalogues: Catalogues<SharedMessage> = { en, zh, es, ca, it, de };

/** What mails of several kinds say alike, in one language. */
export interface SharedText {
  messages: Messages<SharedMessage>;
  greeting(name: string): string;
  /** The closing paragraph, signed by the mission's organisers. */
  closing(missionTitle: string): string;
  /** The paragraph that gives the participant their sign-in link (`link`), before the closing. */
  manage(link: string): string;
  /** When (in the recipient's `timezone` and the venue's) and where a session is: every mail about a session says it so. */
  whenAndWhere(place: SessionPlace, timezone: string): string;
}

export function sharedText(language: MailLanguage): SharedText {
  const messages = messagesIn(sharedCatalogues, language);
  return {
    messages,
    greeting: (name) => messages('greeting', { name }),
    closing: (missionTitle) => messages('closing', { missionTitle }),
    manage: (link) => messages('manage', { link }),
    whenAndWhere: (place, timezone) => {
      const when = place.atVenue
        ? messages('whenHereAndThere', { atRecipient: place.atRecipient, timezone, atVenue: place.atVenue, venueTimezone: place.venueTimezone })
        : messages('whenHere', { atRecipient: place.atRecipient, timezone });
      const where = place.venue ? messages('venue', { venue: place.venue }) : messages('venueToBeAnnounced');
      return `${when}\n${where}`;
    },
  };
}
