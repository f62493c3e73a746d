import type { ProblemDetails } from '#common';
import type { SessionKind } from '#contracts';
import type { OrganiserApi } from '../organiser-api.js';

/** What the programme page reads of a session (scheduling's session view has more). */
export interface ConsoleSession {
  id: string;
  kind: SessionKind;
  title: string;
  startsAt: string;
  endsAt: string;
  /** The venue's zone, else the mission's. */
  timezone: string;
  venue: { id: string; name: string; city: string } | null;
  /** The room of the venue; null for the whole venue. */
  room: { id: string; name: string; capacity: number } | null;
  /** The session that holds this one (the forum of a panel). */
  parentSessionId: string | null;
  route: { from: string; to: string } | null;
  capacity: number | null;
  status: 'active' | 'cancelled';
  released: boolean;
  enrolments: { confirmed: number; waitlisted: number };
}

export interface ConsoleRelease {
  number: number;
  publishedAt: string;
  publishedBy?: string;
  note?: string | null;
  changes: { sessionId: string; change: 'added' | 'changed' | 'cancelled' }[];
}

export type Publishing = { published: true; number: number } | { published: false; problem: ProblemDetails };

/** A venue with its rooms, as the programme page offers them. */
export interface ConsoleVenue {
  id: string;
  name: string;
  city: string;
  timezone: string;
  rooms: { id: string; name: string; capacity: number }[];
}

/** Every item of one of the services' cursor-paged lists. */
export async function everyItem<Item>(
  organiser: OrganiserApi,
  service: 'scheduling' | 'registration' | 'mou-registry',
  path: string,
  headers?: Record<string, string>,
): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { items: Item[]; nextCursor: string | null } = await organiser.read(
      service,
      `${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      headers,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The sessions as the organisers see them (drafts too), in time order; the organisers' own call, so another mission's organiser is refused here. */
export function sessionsOf(organiser: OrganiserApi, missionId: string, language?: string): Promise<ConsoleSession[]> {
  return everyItem<ConsoleSession>(organiser, 'scheduling', `/api/missions/${missionId}/sessions`, language ? { 'accept-language': language } : undefined);
}

/** The mission's venues with their rooms, names in the page's language where they have it. */
export async function venuesOf(organiser: OrganiserApi, missionId: string, language: string): Promise<ConsoleVenue[]> {
  return (await organiser.read<{ items: ConsoleVenue[] }>('scheduling', `/api/missions/${missionId}/venues`, { 'accept-language': language })).items;
}

export type Saving = { saved: true } | { saved: false; problem: ProblemDetails };

/** Creates a session (a draft) or a room of a venue; the form's key makes a resent form create once. */
export async function create(organiser: OrganiserApi, path: string, body: unknown, idempotencyKey: string): Promise<Saving> {
  const answer = await organiser.call('scheduling', path, { method: 'POST', body, headers: { 'idempotency-key': idempotencyKey } });
  return answer.ok ? { saved: true } : { saved: false, problem: answer.problem };
}

export async function releasesOf(organiser: OrganiserApi, missionId: string): Promise<ConsoleRelease[]> {
  return (await organiser.read<{ items: ConsoleRelease[] }>('scheduling', `/api/missions/${missionId}/schedule/releases`)).items;
}

/** Publishes the programme as it stands; the form's key makes a resent form publish once. */
export async function publishRelease(organiser: OrganiserApi, missionId: string, note: string, idempotencyKey: string): Promise<Publishing> {
  const answer = await organiser.call<ConsoleRelease>('scheduling', `/api/missions/${missionId}/schedule/releases`, {
    method: 'POST',
    body: note.trim() ? { note: note.trim() } : {},
    headers: { 'idempotency-key': idempotencyKey },
  });
  return answer.ok ? { published: true, number: answer.body.number } : { published: false, problem: answer.problem };
}
