import { html, type Html } from '../kit/html.js';
import type { BroadcastFeed } from './participant-api.js';
import type { ParticipantPage } from './participant-page.js';
import { formatInstant } from './participant-time.js';

export interface MessagesPageInput {
  registrationId: string;
  feed: BroadcastFeed;
  /** The participant's zone, for when each message came. */
  timezone: string;
  /** An older page: a link back to the newest. */
  paged: boolean;
}

/** The organisers' messages, newest first, each in the language it was sent in (its `lang`), paragraphs as written. */
export function messagesPage(p: ParticipantPage, input: MessagesPageInput): Html {
  const { feed, registrationId } = input;
  if (feed.items.length === 0 && !input.paged) return html`<p>${p.t('messages.none')}</p>`;
  const items = feed.items.map(
    (item) =>
      html`<article class="card broadcast" lang="${item.language}">
        <h2>${item.subject}</h2>
        <p class="muted"><time datetime="${item.deliveredAt}">${formatInstant(item.deliveredAt, input.timezone, p.page.locale)}</time></p>
        ${item.body
          .split(/\n\s*\n/)
          .filter((paragraph) => paragraph.trim().length > 0)
          .map((paragraph) => html`<p>${paragraph}</p>`)}
      </article>`,
  );
  const older = feed.nextBefore
    ? html`<p><a href="/p/${registrationId}/messages?before=${encodeURIComponent(feed.nextBefore)}">${p.t('messages.older')}</a></p>`
    : '';
  const newest = input.paged ? html`<p><a href="/p/${registrationId}/messages">${p.t('messages.newest')}</a></p>` : '';
  return html`<div class="broadcasts">${items}</div>
    ${older} ${newest}`;
}
