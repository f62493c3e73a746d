import type { SessionKind } from '#contracts';

export type Audience = { kind: 'all' } | { kind: 'delegations'; delegations: string[] } | { kind: 'invitation'; registrationIds: string[] };
export type SpeakerRole = 'moderator' | 'panellist' | 'speaker';
export interface Speaker {
  role: SpeakerRole;
  name: string;
  /** When the speaker is a registered participant: they are told of changes and see it in their agenda. */
  registrationId?: string;
}

/** Text per BCP 47 language tag, beside the text in the mission's first language. */
export type Translations = Record<string, string>;

/**
 * A transfer's journey: between two of the mission's cities, or within one city between two of its
 * venues (a coach from the hotel to the fair), which then are named.
 */
export interface Route {
  from: string;
  to: string;
  fromVenueId?: string;
  toVenueId?: string;
}

/** A session of a mission's programme, of any kind. */
export interface Session {
  id: string;
  missionId: string;
  kind: SessionKind;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  venueId: string | null;
  /** A transfer's journey between two of the mission's cities, or two venues of one city. */
  route: Route | null;
  /** A side event's host event, e.g. a trade fair. */
  hostEvent: string | null;
  capacity: number | null;
  /** The session that holds this one (the forum holding its panels); null for one at the top. */
  parentSessionId: string | null;
  /** A room of the session's venue; null for the whole venue (or none). */
  roomId: string | null;
  /** Translations of `title` (which is in the mission's first language), by language tag. */
  titles: Translations;
  /** Translations of `description`, by language tag. */
  descriptions: Translations;
  languages: string[];
  interpretation: { from: string; to: string }[];
  audience: Audience;
  speakers: Speaker[];
  status: 'active' | 'cancelled';
  cancellationReason: string | null;
  /** When a release first published it; from then on its changes are announced as they happen. */
  releasedAt: Date | null;
  /** Bumped on every change, for calendar apps (iCalendar SEQUENCE). */
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
}
