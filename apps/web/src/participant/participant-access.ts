import type { Request, Response } from 'express';
import { html } from '../kit/html.js';
import { messagePage } from '../kit/layout.js';
import { linkForm } from './link.page.js';
import type { ParticipantApi, RegistrationView } from './participant-api.js';
import { sendPage, type ParticipantPage } from './participant-page.js';
import { sessionOf } from './participant-session.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** What a page of the participant's needs before it shows anything: their credential, and their registration as registration answers it to that credential. */
export interface Participant {
  credential: string;
  registration: RegistrationView;
}

/**
 * The registration behind `/p/:registrationId/…`, read with the session's token: registration
 * decides whose it is (another participant's id is a 403 there, shown as such here), and a missing
 * or ended session leads to the page that asks for a new link. Answers the page itself, and
 * returns null, when there is no registration to show.
 */
export async function participantOf(
  api: ParticipantApi,
  request: Request,
  response: Response,
  p: ParticipantPage,
  registrationId: string,
): Promise<Participant | null> {
  const session = sessionOf(request);
  if (!session.token) {
    signInNeeded(response, p, session.missionId);
    return null;
  }
  if (!isUuid(registrationId)) {
    notFound(response, p);
    return null;
  }
  const credential = `Bearer ${session.token}`;
  const answer = await api.registration(credential, registrationId);
  if (answer.ok) return { credential, registration: answer.body };
  if (answer.status === 401) signInNeeded(response, p, session.missionId);
  else if (answer.status === 403) forbidden(response, p, session.registrationId);
  else if (answer.status === 404 || answer.status === 400) notFound(response, p);
  else unavailable(response, p);
  return null;
}

export function signInNeeded(response: Response, p: ParticipantPage, missionId: string | null): void {
  sendPage(response, p, {
    status: 401,
    title: p.t('signIn.title'),
    body: missionId
      ? html`<p>${p.t('signIn.neededWithForm')}</p>
          ${linkForm(p, missionId)}`
      : html`<p>${p.t('signIn.needed')}</p>`,
  });
}

export function forbidden(response: Response, p: ParticipantPage, ownRegistrationId: string | null): void {
  sendPage(response, p, {
    status: 403,
    title: p.t('forbidden.title'),
    body: html`<p>${p.t('forbidden.text')}</p>
      ${ownRegistrationId ? html`<p><a href="/p/${ownRegistrationId}/registration">${p.t('forbidden.mine')}</a></p>` : ''}`,
  });
}

export function notFound(response: Response, p: ParticipantPage): void {
  response.status(404).set('cache-control', 'no-store').type('html').send(messagePage(p.page, 'notFound'));
}

export function unavailable(response: Response, p: ParticipantPage): void {
  response.status(502).set('cache-control', 'no-store').type('html').send(messagePage(p.page, 'unavailable'));
}

/** A post from another site is refused before it does anything (see `isSameOrigin`). */
export function crossSite(response: Response): void {
  response.status(403).type('text/plain').send('Cross-site form posts are refused.');
}
