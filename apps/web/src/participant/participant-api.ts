/** A problem response (RFC 9457) as the services send it; `kind` is the last segment of its `type`. */
export interface ProblemAnswer {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
}

export type Answer<T> = { ok: true; status: number; body: T } | { ok: false; status: number; problem: ProblemAnswer };

export function problemKind(problem: ProblemAnswer): string {
  return problem.type?.split('/').pop() ?? '';
}

export interface ServiceUrls {
  registration: string;
  scheduling: string;
}

interface Request {
  method?: string;
  token?: string;
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
}

/**
 * The services' HTTP APIs as the participant's pages call them, server-side, with the participant's
 * own access token (never their tables). Every answer comes back as it is, a problem included.
 */
export class ParticipantApi {
  constructor(private readonly urls: ServiceUrls) {}

  startSession(link: string) {
    return this.call<{ registrationId: string; missionId: string; accessToken: string }>('registration', '/api/participant-sessions', { body: { link } });
  }

  /** `clientAddress`: the browser's, for registration's limit per address (every call comes from the web entry otherwise). */
  sendLinkAgain(missionId: string, email: string, clientAddress: string | undefined) {
    return this.call<unknown>('registration', `/api/missions/${encodeURIComponent(missionId)}/access-links`, {
      body: { email },
      headers: clientAddress ? { 'x-forwarded-for': clientAddress } : {},
    });
  }

  registration(token: string, registrationId: string) {
    return this.call<RegistrationView>('registration', `/api/registrations/${encodeURIComponent(registrationId)}`, { token });
  }

  updateRegistration(token: string, registrationId: string, change: Record<string, unknown>) {
    return this.call<RegistrationView>('registration', `/api/registrations/${encodeURIComponent(registrationId)}`, { token, method: 'PATCH', body: change });
  }

  cancelRegistration(token: string, registrationId: string) {
    return this.call<RegistrationView>('registration', `/api/registrations/${encodeURIComponent(registrationId)}/cancel`, { token, method: 'POST' });
  }

  eraseRegistration(token: string, registrationId: string) {
    return this.call<RegistrationView>('registration', `/api/registrations/${encodeURIComponent(registrationId)}/erase`, { token, method: 'POST' });
  }

  programme(missionId: string) {
    return this.call<Programme>('scheduling', `${mission(missionId)}/programme`, {});
  }

  agenda(token: string, missionId: string, registrationId: string) {
    return this.call<Agenda>('scheduling', `${mission(missionId)}/participants/${encodeURIComponent(registrationId)}/agenda`, { token });
  }

  /** The feed as text: a calendar file the page hands on as it is. */
  async agendaCalendar(token: string, missionId: string, registrationId: string): Promise<{ status: number; text: string; contentType: string }> {
    const response = await fetch(`${this.urls.scheduling}${mission(missionId)}/participants/${encodeURIComponent(registrationId)}/agenda.ics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') ?? 'text/plain' };
  }

  enrol(token: string, missionId: string, sessionId: string, idempotencyKey: string) {
    return this.call<Enrolment>('scheduling', `${mission(missionId)}/sessions/${encodeURIComponent(sessionId)}/enrolments`, {
      token,
      method: 'POST',
      idempotencyKey,
    });
  }

  leave(token: string, missionId: string, sessionId: string, enrolmentId: string) {
    return this.call<Enrolment>(
      'scheduling',
      `${mission(missionId)}/sessions/${encodeURIComponent(sessionId)}/enrolments/${encodeURIComponent(enrolmentId)}/cancel`,
      { token, method: 'POST' },
    );
  }

  /** Every meeting the participant asked for or was asked to, following the pages to the last. */
  async meetings(token: string, missionId: string): Promise<Answer<Meeting[]>> {
    const items: Meeting[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: Answer<{ items: Meeting[]; nextCursor: string | null }> = await this.call('scheduling', `${mission(missionId)}/meetings${query}`, { token });
      if (!page.ok) return page;
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return { ok: true, status: 200, body: items };
  }

  answerMeeting(token: string, missionId: string, meetingId: string, answer: 'accept' | 'decline') {
    return this.call<Meeting>('scheduling', `${mission(missionId)}/meetings/${encodeURIComponent(meetingId)}/${answer}`, { token, method: 'POST' });
  }

  timetable(token: string, missionId: string, registrationId: string) {
    return this.call<Timetable>('scheduling', `${mission(missionId)}/participants/${encodeURIComponent(registrationId)}/meetings`, { token });
  }

  profile(token: string, missionId: string, registrationId: string) {
    return this.call<Profile>('scheduling', `${mission(missionId)}/matchmaking/profiles/${encodeURIComponent(registrationId)}`, { token });
  }

  private async call<T>(service: keyof ServiceUrls, path: string, request: Request): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.idempotencyKey) headers['idempotency-key'] = request.idempotencyKey;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.urls[service]}${path}`, {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    const text = await response.text();
    const body: unknown = text && /json/.test(response.headers.get('content-type') ?? '') ? JSON.parse(text) : text;
    if (response.ok) return { ok: true, status: response.status, body: body as T };
    const problem = typeof body === 'object' && body !== null ? (body as ProblemAnswer) : { status: response.status, detail: String(body) };
    return { ok: false, status: response.status, problem: { ...problem, status: response.status } };
  }
}

function mission(missionId: string): string {
  return `/api/missions/${encodeURIComponent(missionId)}`;
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

export interface TimetableItem {
  meetingId: string;
  counterpartId: string;
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
  proposedByOrganiser: boolean;
  priority: number;
  message: string | null;
  status: string;
  slot: { startsAt: string; endsAt: string; table: number } | null;
  outcome: string | null;
}

export interface Profile {
  registrationId: string;
  delegation: string | null;
  offers: string;
  seeks: string;
}
