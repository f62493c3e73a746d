import type { Page as ListPage } from '#common';
import type { OrganiserApi } from '../organiser-api.js';
import type { RegistrationItem } from '../registrations/registrations.page.js';
import { matchesPrefix, parseCheckInCode } from './check-in-code.rules.js';

/** What a check-in came to, for the page to say in words. */
export type CheckInOutcome =
  | { kind: 'checkedIn'; registration: RegistrationItem }
  | { kind: 'already'; registration: RegistrationItem; checkedInAt: string }
  | { kind: 'notConfirmed'; registration: RegistrationItem }
  | { kind: 'unknown' | 'ambiguous' | 'invalid' | 'failed' };

/** Most registrations a mission has: a prefix is looked for among its registrations, a page of this many at a time. */
const PAGE = 500;

/**
 * A code typed or scanned at the door → the registration it names, in this mission only (a code of
 * another mission is unknown here, whoever's it is) → registration's check-in.
 */
export async function checkIn(organiser: OrganiserApi, missionId: string, text: string): Promise<CheckInOutcome> {
  const code = parseCheckInCode(text);
  if (!code) return { kind: 'invalid' };
  let registration: RegistrationItem | undefined;
  if (code.kind === 'id') {
    const answer = await organiser.call<RegistrationItem>('registration', `/api/registrations/${code.registrationId}`);
    if (!answer.ok) return answer.status >= 500 ? { kind: 'failed' } : { kind: 'unknown' };
    if (answer.body.missionId !== missionId) return { kind: 'unknown' };
    registration = answer.body;
  } else {
    const found: RegistrationItem[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const answer = await organiser.call<ListPage<RegistrationItem>>('registration', `/api/missions/${missionId}/registrations?${query}`);
      if (!answer.ok) return { kind: answer.status === 404 ? 'unknown' : 'failed' };
      found.push(...answer.body.items.filter((item) => matchesPrefix(item.id, code.prefix)));
      cursor = answer.body.nextCursor;
    } while (cursor && found.length < 2);
    if (found.length === 0) return { kind: 'unknown' };
    if (found.length > 1) return { kind: 'ambiguous' };
    registration = found[0];
  }
  const answer = await organiser.call<RegistrationItem>('registration', `/api/registrations/${registration.id}/check-in`, { method: 'POST' });
  if (answer.ok) return { kind: 'checkedIn', registration: answer.body };
  if (answer.status === 409 && typeof answer.problem.checkedInAt === 'string')
    return { kind: 'already', registration, checkedInAt: answer.problem.checkedInAt };
  if (answer.status === 409) return { kind: 'notConfirmed', registration };
  if (answer.status === 404) return { kind: 'unknown' };
  return { kind: 'failed' };
}
