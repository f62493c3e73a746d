import type { Request, Response } from 'express';
import { html, type Html } from '../kit/html.js';
import { layout } from '../kit/layout.js';
import { translator, type Translate } from '../kit/messages.js';
import { pageContextOf, type PageContext } from '../kit/page-context.js';
import { participantMessages, type ParticipantKey } from './participant.messages.js';

/** What a participant's page is written with: the kit's page context, the area's messages, and a way to name a value (a status, a role) that has a message of its own. */
export interface ParticipantPage {
  page: PageContext;
  t: Translate<ParticipantKey>;
  /** `prefix.value`'s message, or the value itself when the catalogue has none (a status added since). */
  name(prefix: string, value: string): string;
}

export function participantPageOf(request: Request, response: Response): ParticipantPage {
  const page = pageContextOf(request, response);
  const t = translator(participantMessages, page.language);
  const messages = participantMessages[page.language] as Record<string, string>;
  return { page, t, name: (prefix, value) => (`${prefix}.${value}` in messages ? messages[`${prefix}.${value}`]! : value) };
}

export type Tab = 'registration' | 'agenda' | 'meetings' | 'messages' | 'check-in';

interface PageOptions {
  title: string;
  body: Html;
  status?: number;
  /** The participant's own pages show their navigation. */
  registrationId?: string;
  current?: Tab;
}

/** A whole page of the participant's: never cached (it is personal), never sent on as a referrer. */
export function sendPage(response: Response, p: ParticipantPage, options: PageOptions): void {
  const main = html`${options.registrationId ? navigation(p, options.registrationId, options.current) : ''}
    <h1>${options.title}</h1>
    ${options.body}`;
  response
    .status(options.status ?? 200)
    .set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
    .type('html')
    .send(layout(p.page, { title: options.title, main }));
}

function navigation(p: ParticipantPage, registrationId: string, current: Tab | undefined): Html {
  const tabs: [Tab, ParticipantKey][] = [
    ['registration', 'nav.registration'],
    ['agenda', 'nav.agenda'],
    ['meetings', 'nav.meetings'],
    ['messages', 'nav.messages'],
    ['check-in', 'nav.checkIn'],
  ];
  return html`<nav class="participant-nav" aria-label="${p.t('nav.label')}">
    <ul>
      ${tabs.map(([tab, key]) => html`<li><a href="/p/${registrationId}/${tab}" ${tab === current ? html`aria-current="page"` : ''}>${p.t(key)}</a></li>`)}
    </ul>
    <form method="post" action="/p/sign-out"><button type="submit" class="button--link">${p.t('nav.signOut')}</button></form>
  </nav>`;
}

/** A notice at the top of a page: what just happened, or why it did not. */
export function notice(text: string | null | undefined, kind: 'done' | 'refused' = 'done'): Html {
  if (!text) return html``;
  return kind === 'done' ? html`<p class="notice notice--ok" role="status">${text}</p>` : html`<p class="notice notice--error" role="alert">${text}</p>`;
}
