import type { RegistrationStatus } from '#contracts';
import { mailLanguageChain, type MailLanguage } from '../mail/mail-language.js';

/** One way of naming people of a mission; an audience is everyone any of its selectors names. */
export type AudienceSelector =
  | { type: 'mission' }
  /** The members of these delegations and of every delegation within them (Ludwigsburg's within the Stuttgart Region's). */
  | { type: 'delegations'; delegationIds: readonly string[] }
  /** Registration categories, by id or by code. */
  | { type: 'categories'; categories: readonly string[] }
  /** The people of a session: enrolled, waitlisted, or both. */
  | { type: 'session'; sessionId: string; enrolment: readonly ('enrolled' | 'waitlisted')[] }
  /** The parties of every meeting placed to start within [from, to). */
  | { type: 'meetings'; from: string; to: string };

export interface Audience {
  anyOf: readonly AudienceSelector[];
  /** Of those, whose registration stands so (by default: confirmed only). */
  statuses: readonly RegistrationStatus[];
}

/** A participant as an audience is chosen among them. */
export interface Candidate {
  registrationId: string;
  status: RegistrationStatus;
  delegationId: string | null;
  categoryId: string | null;
  categoryCode: string | null;
  preferredLanguage: string;
  givenName: string;
  familyName: string;
  email: string;
}

/** What an audience is resolved against: one mission's participants and what they take part in, from notifications' read models. */
export interface AudienceWorld {
  candidates: readonly Candidate[];
  delegations: readonly { delegationId: string; parentId: string | null }[];
  sessionPeople: readonly { sessionId: string; registrationId: string; status: 'confirmed' | 'waitlisted' | 'cancelled' }[];
  /** Meetings with a place: when they start and who attends. */
  meetings: readonly { startsAt: string; parties: readonly string[] }[];
}

/**
 * Who an audience names, each once, ordered by family and given name: the candidates any selector
 * names, of the audience's statuses. Someone the world does not list as a candidate (erased,
 * unknown to the directory) is never in it, whatever a session or meeting says.
 */
export function selectAudience(audience: Audience, world: AudienceWorld): Candidate[] {
  const statuses = new Set(audience.statuses);
  const chosen = audience.anyOf.map((selector) => matcher(selector, world));
  return world.candidates.filter((candidate) => statuses.has(candidate.status) && chosen.some((matches) => matches(candidate))).sort(byName);
}

function matcher(selector: AudienceSelector, world: AudienceWorld): (candidate: Candidate) => boolean {
  switch (selector.type) {
    case 'mission':
      return () => true;
    case 'delegations': {
      const within = delegationsWithin(selector.delegationIds, world.delegations);
      return (candidate) => candidate.delegationId !== null && within.has(candidate.delegationId);
    }
    case 'categories': {
      const named = new Set(selector.categories.map((category) => category.toLowerCase()));
      return (candidate) =>
        (candidate.categoryId !== null && named.has(candidate.categoryId.toLowerCase())) ||
        (candidate.categoryCode !== null && named.has(candidate.categoryCode.toLowerCase()));
    }
    case 'session': {
      const wanted = new Set<string>(selector.enrolment.map((enrolment) => (enrolment === 'enrolled' ? 'confirmed' : 'waitlisted')));
      const people = new Set(
        world.sessionPeople.filter((person) => person.sessionId === selector.sessionId && wanted.has(person.status)).map((person) => person.registrationId),
      );
      return (candidate) => people.has(candidate.registrationId);
    }
    case 'meetings': {
      const from = Date.parse(selector.from);
      const to = Date.parse(selector.to);
      const parties = new Set(
        world.meetings
          .filter((meeting) => {
            const startsAt = Date.parse(meeting.startsAt);
            return startsAt >= from && startsAt < to;
          })
          .flatMap((meeting) => meeting.parties),
      );
      return (candidate) => parties.has(candidate.registrationId);
    }
  }
}

/** `roots` and every delegation below one of them, however deep; a loop in the parents (a bad merge) ends the walk, not the process. */
export function delegationsWithin(roots: readonly string[], delegations: readonly { delegationId: string; parentId: string | null }[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const { delegationId, parentId } of delegations) {
    if (parentId === null) continue;
    children.set(parentId, [...(children.get(parentId) ?? []), delegationId]);
  }
  const within = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (within.has(next)) continue;
    within.add(next);
    stack.push(...(children.get(next) ?? []));
  }
  return within;
}

/**
 * The language a recipient reads a broadcast in: the first of their mail language chain (`ca` → `es`
 * → `en`) the broadcast is written in, else the broadcast's own default language.
 */
export function broadcastLanguage(preferredLanguage: string | null | undefined, written: readonly MailLanguage[], defaultLanguage: MailLanguage): MailLanguage {
  return mailLanguageChain(preferredLanguage).find((language) => written.includes(language)) ?? defaultLanguage;
}

/** How many recipients read it in each language. */
export function countByLanguage(languages: readonly MailLanguage[]): Partial<Record<MailLanguage, number>> {
  const counts: Partial<Record<MailLanguage, number>> = {};
  for (const language of languages) counts[language] = (counts[language] ?? 0) + 1;
  return counts;
}

/** Whether a broadcast may still be cancelled: only until it went (its audience resolved and its e-mails queued). */
export function cancellable(status: 'scheduled' | 'sent' | 'cancelled'): boolean {
  return status === 'scheduled';
}

function byName(a: Candidate, b: Candidate): number {
  return a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName) || a.registrationId.localeCompare(b.registrationId);
}
