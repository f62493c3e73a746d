import type { Request, Response } from 'express';
import { html } from './html.js';
import type { ParticipantApi, RegistrationView } from './participant-api.js';
import { sendPage, type PageContext } from './participant-page.js';
import { sessionOf } from './participant-session.js';
import { linkForm } from './link.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** What a page of the participant's needs before it shows anything: their token, and their registration as registration answers it to that token. */
export interface Participant {
  token: string;
  registration: RegistrationView;
}

/**
 * The registration behind `/p/:registrationId/…`, read with the session's token: registration
 * decides whose it is (another participant's id is a 403 there, shown as such here), and a missing
 * or ended session leads to the link page. Answers the page itself when there is no registration to show.
 */
export async function participantOf(
  api: ParticipantApi,
  request: Request,
  response: Response,
  context: PageContext,
  registrationId: string,
): Promise<Participant | null> {
  const session = sessionOf(request);
  if (!session.token) {
    signInNeeded(response, context, session.missionId);
    return null;
  }
  if (!isUuid(registrationId)) {
    notFound(response, context);
    return null;
  }
  const answer = await api.registration(session.token, registrationId);
  if (answer.ok) return { token: session.token, registration: answer.body };
  if (answer.status === 401) signInNeeded(response, context, session.missionId);
  else if (answer.status === 403) forbidden(response, context, session.registrationId);
  else if (answer.status === 404 || answer.status === 400) notFound(response, context);
  else unavailable(response, context);
  return null;
}

export function signInNeeded(response: Response, context: PageContext, missionId: string | null): void {
  const { t } = context;
  sendPage(response, context, {
    status: 401,
    title: t.signIn.title,
    body: missionId
      ? html`<p>${t.signIn.neededWithForm}</p>
          ${linkForm(context, missionId)}`
      : html`<p>${t.signIn.needed}</p>`,
  });
}

export function forbidden(response: Response, context: PageContext, ownRegistrationId: string | null): void {
  const { t } = context;
  sendPage(response, context, {
    status: 403,
    title: t.forbidden.title,
    body: html`<p>${t.forbidden.text}</p>
      ${ownRegistrationId ? html`<p><a href="/p/${ownRegistrationId}/registration">${t.forbidden.mine}</a></p>` : ''}`,
  });
}

export function notFound(response: Response, context: PageContext): void {
  sendPage(response, context, { status: 404, title: context.t.notFound.title, body: html`<p>${context.t.notFound.text}</p>` });
}

export function unavailable(response: Response, context: PageContext): void {
  sendPage(response, context, { status: 502, title: context.t.unavailable.title, body: html`<p>${context.t.unavailable.text}</p>` });
}

/** A post from another site is refused before it does anything (see `isSameOrigin`). */
export function crossSite(response: Response): void {
  response.status(403).type('text/plain').send('Cross-site form posts are refused.');
}
