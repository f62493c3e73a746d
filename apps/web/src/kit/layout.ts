import { assetUrl } from './assets.js';
import { html, type Html } from './html.js';
import { languages, type Language } from './language.js';
import { layoutMessages } from './layout.messages.js';
import { translator } from './messages.js';
import type { PageContext } from './page-context.js';

export interface LayoutOptions {
  /** The page's own title; the site's name follows it. */
  title: string;
  main: Html;
  /** Client scripts by source path under `apps/web/src` (`registration/register.client.ts`). */
  scripts?: string[];
  /** A short line under the site's name (the mission's title, say). */
  subtitle?: string;
}

/** Every page: skip link, header with the language switch, one `<main>`, footer; one stylesheet; an empty icon (`data:`, so that no request asks for one). */
export function layout(page: PageContext, options: LayoutOptions): string {
  const t = translator(layoutMessages, page.language);
  const switchTo = (language: Language) => {
    const query = new URLSearchParams({ ...page.query, lang: language });
    return `${page.path}?${query}`;
  };
  return (
    '<!doctype html>\n' +
    html`<html lang="${page.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title} · ${t('site')}</title>
        <link rel="stylesheet" href="${assetUrl('kit/site.css')}" />
        <link rel="icon" href="data:," />
        ${(options.scripts ?? []).map((script) => html`<script type="module" src="${assetUrl(script)}"></script>`)}
      </head>
      <body>
        <a class="skip-link" href="#main">${t('skip')}</a>
        <header class="site-header">
          <div class="site-header__inner">
            <p class="site-name"><a href="/">${t('site')}</a>${options.subtitle ? html` <span class="site-subtitle">${options.subtitle}</span>` : ''}</p>
            <nav class="language-switch" aria-label="${t('language')}">
              <ul>
                ${(Object.keys(languages) as Language[]).map((language) =>
                  language === page.language
                    ? html`<li><a href="${switchTo(language)}" lang="${languages[language].htmlLang}" aria-current="true">${languages[language].name}</a></li>`
                    : html`<li>
                        <a href="${switchTo(language)}" lang="${languages[language].htmlLang}" hreflang="${languages[language].htmlLang}"
                          >${languages[language].name}</a
                        >
                      </li>`,
                )}
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" tabindex="-1">${options.main}</main>
        <footer class="site-footer"><p>${t('footer')}</p></footer>
      </body>
    </html> `.toString()
  );
}

/** A page that says only what went wrong (not found, an error, a service away). */
export function messagePage(page: PageContext, kind: 'notFound' | 'error' | 'unavailable'): string {
  const t = translator(layoutMessages, page.language);
  const title = kind === 'notFound' ? t('notFoundTitle') : t('errorTitle');
  return layout(page, {
    title,
    main: html`<h1>${title}</h1>
      <p>${t(kind)}</p>`,
  });
}
