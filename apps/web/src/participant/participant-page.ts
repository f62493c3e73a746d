import type { Request, Response } from 'express';
import { html, type Html } from './html.js';
import { participantCatalogues, type ParticipantMessages } from './participant.catalogue.js';
import { cookiesOf } from './participant-session.js';

export type Language = keyof typeof participantCatalogues;

export interface PageContext {
  lang: Language;
  /** The locale dates are written in. */
  locale: string;
  t: ParticipantMessages;
}

const locales: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

export function contextOf(request: Request): PageContext {
  const lang = languageOf(request);
  return { lang, locale: locales[lang], t: participantCatalogues[lang] };
}

function languageOf(request: Request): Language {
  const asked = [typeof request.query.lang === 'string' ? request.query.lang : undefined, cookiesOf(request).get('mh_lang')];
  for (const tag of asked) if (tag && tag.slice(0, 2) in participantCatalogues) return tag.slice(0, 2) as Language;
  for (const part of (request.headers['accept-language'] ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().slice(0, 2).toLowerCase();
    if (tag in participantCatalogues) return tag as Language;
  }
  return 'en';
}

export type Tab = 'registration' | 'agenda' | 'meetings' | 'check-in';

interface PageOptions {
  title: string;
  body: Html;
  status?: number;
  /** The participant's own pages show their navigation. */
  registrationId?: string;
  current?: Tab;
}

/** A whole page of the participant's: never cached (it is personal), never sent as a referrer. */
export function sendPage(response: Response, context: PageContext, options: PageOptions): void {
  response
    .status(options.status ?? 200)
    .set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'content-type': 'text/html; charset=utf-8' })
    .send(layout(context, options).value);
}

function layout(context: PageContext, options: PageOptions): Html {
  const { t } = context;
  return html`<!doctype html>
    <html lang="${context.lang === 'zh' ? 'zh-CN' : 'en'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · ${t.siteName}</title>
        <link rel="stylesheet" href="/assets/participant.css" />
      </head>
      <body class="participant">
        <a class="skip" href="#content">${t.skipToContent}</a>
        <header class="masthead">
          <p class="site">${t.siteName}</p>
          ${languageSwitch(context)} ${options.registrationId ? navigation(context, options.registrationId, options.current) : ''}
        </header>
        <main id="content" tabindex="-1">
          <h1>${options.title}</h1>
          ${options.body}
        </main>
      </body>
    </html> `;
}

function languageSwitch(context: PageContext): Html {
  const names: Record<Language, string> = { en: 'English', zh: '中文' };
  return html`<nav class="languages" aria-label="${context.t.language}">
    <ul>
      ${(Object.keys(names) as Language[]).map(
        (lang) =>
          html`<li>
            <a href="?lang=${lang}" lang="${lang === 'zh' ? 'zh-CN' : 'en'}" hreflang="${lang}" ${lang === context.lang ? html` aria-current="true"` : ''}
              >${names[lang]}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

function navigation(context: PageContext, registrationId: string, current: Tab | undefined): Html {
  const { nav } = context.t;
  const tabs: [Tab, string][] = [
    ['registration', nav.registration],
    ['agenda', nav.agenda],
    ['meetings', nav.meetings],
    ['check-in', nav.checkIn],
  ];
  return html`<nav class="tabs" aria-label="${nav.label}">
    <ul>
      ${tabs.map(([tab, label]) => html`<li><a href="/p/${registrationId}/${tab}" ${tab === current ? html` aria-current="page"` : ''}>${label}</a></li>`)}
    </ul>
    <form method="post" action="/p/sign-out"><button type="submit" class="link">${nav.signOut}</button></form>
  </nav>`;
}

/** A notice at the top of a page: what just happened, or why it did not. */
export function notice(text: string | null | undefined, kind: 'done' | 'refused' = 'done'): Html {
  if (!text) return html``;
  return kind === 'done' ? html`<p class="notice done" role="status">${text}</p>` : html`<p class="notice refused" role="alert">${text}</p>`;
}
