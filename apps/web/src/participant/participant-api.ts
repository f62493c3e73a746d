import type { ProblemDetails } from '#common';
import type { ApiAnswer, ServiceApi } from '../kit/service-api.js';

export type { ApiAnswer, ProblemDetails };

/** The last segment of a problem's `type`, e.g. `schedule-conflict`. */
export function problemKind(problem: ProblemDetails): string {
  return problem.type?.split('/').pop() ?? '';
}

const path = encodeURIComponent;

function mission(missionId: string): string {
  return `/api/missions/${path(missionId)}`;
}

/**
 * The services' calls as the participant's pages make them, server-side through the kit's
 * `ServiceApi`, with the participant's own token (`credential`: `Bearer …`). Every answer comes
 * back as it is, a problem included.
 */
export class ParticipantApi {
  constructor(private readonly services: ServiceApi) {}

  startSession(link: string) {
    return this.services.call<{ registrationId: string; missionId: string; accessToken: string }>('registration', '/api/participant-sessions', {
      method: 'POST',
      body: { link },
    });
  }

  /** `clientAddress`: the browser's, for registration's limit per address (every call comes from the web entry otherwise). */
  sendLinkAgain(missionId: string, email: string, clientAddress: string | undefined) {
    return this.services.call('registration', `${mission(missionId)}/access-links`, {
      method: 'POST',
      body: { email },
      headers: clientAddress ? { 'x-forwarded-for': clientAddress } : {},
    });
  }

  registration(credential: string, registrationId: string) {
    return this.services.call<RegistrationView>('registration', `/api/registrations/${path(registrationId)}`, { credential });
  }

  updateRegistration(credential: string, registrationId: string, change: Record<string, unknown>) {
    return this.services.call<RegistrationView>('registration', `/api/registrations/${path(registrationId)}`, { credential, method: 'PATCH', body: change });
  }

  cancelRegistration(credential: string, registrationId: string) {
    return this.services.call<RegistrationView>('registration', `/api/registrations/${path(registrationId)}/cancel`, { credential, method: 'POST' });
  }

  eraseRegistration(credential: string, registrationId: string) {
    return this.services.call<RegistrationView>('registration', `/api/registrations/${path(registrationId)}/erase`, { credential, method: 'POST' });
  }

  /** Titles and names in `language` where the sessions have it (Accept-Language). */
  programme(missionId: string, language?: string) {
    return this.services.call<Programme>('scheduling', `${mission(missionId)}/programme`, language ? { headers: { 'accept-language': language } } : {});
  }

  agenda(credential: string, missionId: string, registrationId: string, language?: string) {
    return this.services.call<Agenda>('scheduling', `${mission(missionId)}/participants/${path(registrationId)}/agenda`, {
      credential,
      ...(language ? { headers: { 'accept-language': language } } : {}),
    });
  }

  /** The feed as the text it is: a calendar file the page hands on. */
  agendaCalendar(credential: string, missionId: string, registrationId: string) {
    return this.services.call<string>('scheduling', `${mission(missionId)}/participants/${path(registrationId)}/agenda.ics`, {
      credential,
      headers: { accept: 'text/calendar' },
    });
  }

  enrol(credential: string, missionId: string, sessionId: string, idempotencyKey: string) {
    return this.services.call<Enrolment>('scheduling', `${mission(missionId)}/sessions/${path(sessionId)}/enrolments`, {
      credential,
      method: 'POST',
      headers: { 'idempotency-key': idempotencyKey },
    });
  }

  leave(credential: string, missionId: string, sessionId: string, enrolmentId: string) {
    return this.services.call<Enrolment>('scheduling', `${mission(missionId)}/sessions/${path(sessionId)}/enrolments/${path(enrolmentId)}/cancel`, {
      credential,
      method: 'POST',
    });
  }

  /** Every meeting the participant asked for or was asked to, following the pages to the last. */
  async meetings(credential: string, missionId: string): Promise<ApiAnswer<Meeting[]>> {
    const items: Meeting[] = [];
    let cursor: string | null = null;
    let headers: Headers;
    do {
      const query: string = `?limit=500${cursor ? `&cursor=${path(cursor)}` : ''}`;
      const page: ApiAnswer<{ items: Meeting[]; nextCursor: string | null }> = await this.services.call(
        'scheduling',
        `${mission(missionId)}/meetings${query}`,
        {
          credential,
        },
      );
      if (!page.ok) return page;
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
      headers = page.headers;
    } while (cursor);
    return { ok: true, status: 200, body: items, headers };
  }

  answerMeeting(credential: string, missionId: string, meetingId: string, answer: 'accept' | 'decline') {
    return this.services.call<Meeting>('scheduling', `${mission(missionId)}/meetings/${path(meetingId)}/${answer}`, { credential, method: 'POST' });
  }

  /** The broadcasts the participant received (notifications' feed), newest first; `before`: the page after a previous one. */
  broadcasts(credential: string, missionId: string, registrationId: string, before?: string) {
    const query = before ? `?before=${encodeURIComponent(before)}` : '';
    return this.services.call<BroadcastFeed>('notifications', `${mission(missionId)}/participants/${path(registrationId)}/broadcasts${query}`, { credential });
  }

  timetable(credential: string, missionId: string, registrationId: string) {
    return this.services.call<Timetable>('scheduling', `${mission(missionId)}/participants/${path(registrationId)}/meetings`, { credential });
  }

  /** A page of the mission's matchmaking directory (names, organisations, profiles; never e-mails). */
  people(credential: string, missionId: string, query: { q?: string; cursor?: string }) {
    const search = new URLSearchParams({ limit: '20', ...(query.q ? { q: query.q } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) });
    return this.services.call<{ items: DirectoryPerson[]; nextCursor: string | null }>('scheduling', `${mission(missionId)}/matchmaking/people?${search}`, {
      credential,
    });
  }

  suggestions(credential: string, missionId: string) {
    return this.services.call<{ items: Suggestion[] }>('scheduling', `${mission(missionId)}/matchmaking/suggestions?limit=5`, { credential });
  }

  setHidden(credential: string, missionId: string, registrationId: string, hidden: boolean) {
    return this.services.call<{ hidden: boolean }>('scheduling', `${mission(missionId)}/matchmaking/people/${path(registrationId)}/visibility`, {
      credential,
      method: 'PUT',
      body: { hidden },
    });
  }

  profile(credential: string, missionId: string, registrationId: string) {
    return this.services.call<Profile>('scheduling', `${mission(missionId)}/matchmaking/profiles/${path(registrationId)}`, { credential });
  }
}

// The shapes the pages read, as the services' OpenAPI documents give them (only the fields used here).

export type RegistrationStatus = 'pending_approval' | 'confirmed' | 'waitlisted' | 'rejected' | 'cancelled';

export interface RegistrationView {
  id: string;
  missionId: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  email: string;
  givenName: string;
  familyName: string;
  jobTitle: string | null;
  organisation: { name: string; type: string; country: string; city: string | null };
  delegation: string | null;
  preferredLanguage: string;
  timezone: string;
  dietary: string | null;
  accessibility: string | null;
  rejectionReason: string | null;
  checkedInAt: string | null;
  cancelledAt: string | null;
  erasedAt?: string | null;
}

export interface WallClock {
  timezone: string;
  startsAt: string;
  endsAt: string;
}

export interface ProgrammeItem {
  sessionId: string;
  kind: string;
  title: string;
  description: string | null;
  status: 'scheduled' | 'cancelled';
  startsAt: string;
  endsAt: string;
  venueTime: WallClock;
  venue: { name: string; address: string; city: string; timezone: string } | null;
  /** The room of the venue (added with the programme's structure; absent from older answers). */
  room?: { name: string; capacity: number } | null;
  /** The session that holds this one (the forum of a panel), and how many hold it. */
  parent?: { sessionId: string; title: string } | null;
  depth?: number;
  route: { from: string; to: string } | null;
  hostEvent: string | null;
  speakers: { role: string; name: string }[];
}

export interface Programme {
  missionId: string;
  code: string;
  title: string;
  timezone: string;
  items: ProgrammeItem[];
}

export interface AgendaItem extends ProgrammeItem {
  role: string;
  enrolmentId: string | null;
  participantTime: WallClock;
}

/** Whom matchmaking names (null fields once erased). */
export interface Person {
  registrationId: string;
  name: string | null;
  organisation: string | null;
  country: string | null;
  delegation: string | null;
}

export interface DirectoryPerson extends Person {
  hidden: boolean;
  profile: { offers: string; seeks: string; themes: string[]; sectors: string[] } | null;
}

export interface Suggestion {
  person: Person;
  score: number;
  reasons: { themes: string[]; sectors: string[]; theyOffer: string[]; theySeek: string[] };
}

export interface TimetableItem {
  meetingId: string;
  counterpartId: string;
  counterpart?: Person;
  with?: Person[];
  startsAt: string;
  endsAt: string;
  participantTime: WallClock;
  venueTime: WallClock | null;
  table: number;
  venue: { name: string; city: string; timezone: string } | null;
  outcome: string | null;
}

export interface Agenda {
  missionId: string;
  registrationId: string;
  timezone: string;
  items: AgendaItem[];
  meetings: TimetableItem[];
}

export interface Timetable {
  timezone: string;
  items: TimetableItem[];
}

export interface Enrolment {
  id: string;
  sessionId: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  waitlistPosition: number | null;
}

export interface Meeting {
  id: string;
  requesterId: string;
  inviteeId: string;
  requester?: Person;
  invitee?: Person;
  attendees?: (Person & { side: 'requester' | 'invitee' })[];
  proposedByOrganiser: boolean;
  priority: number;
  message: string | null;
  status: string;
  slot: { startsAt: string; endsAt: string; table: number } | null;
  outcome: string | null;
}

export interface BroadcastFeed {
  items: { id: string; language: string; subject: string; body: string; deliveredAt: string }[];
  nextBefore: string | null;
}

export interface Profile {
  registrationId: string;
  delegation: string | null;
  offers: string;
  seeks: string;
}
