import type { SessionKind } from '#contracts';

export type Audience = { kind: 'all' } | { kind: 'delegations'; delegations: string[] } | { kind: 'invitation'; registrationIds: string[] };
export type SpeakerRole = 'moderator' | 'panellist' | 'speaker';
export interface Speaker {
  role: SpeakerRole;
  name: string;
  /** When the speaker is a registered participant: they are told of changes and see it in their agenda. */
  registrationId?: string;
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
  /** A transfer's journey between two of the mission's cities. */
  route: { from: string; to: string } | null;
  /** A side event's host event, e.g. a trade fair. */
  hostEvent: string | null;
  capacity: number | null;
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
