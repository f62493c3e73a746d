import { html, type Html } from '../kit/html.js';
import { layout } from '../kit/layout.js';
import { translator } from '../kit/messages.js';
import type { PageContext } from '../kit/page-context.js';
import { consoleMessages } from './console.messages.js';
import type { ConsoleMission, RefusalKind } from './organiser-api.js';

/** The parts of a mission's console, in the order of its navigation; each is a page under `/console/m/:missionId`. */
export const consoleSections = [
  { key: 'live', path: '' },
  { key: 'registrations', path: '/registrations' },
  { key: 'delegations', path: '/delegations' },
  { key: 'categories', path: '/categories' },
  { key: 'checkIn', path: '/check-in' },
  { key: 'programme', path: '/programme' },
  { key: 'matchmaking', path: '/matchmaking' },
  { key: 'mous', path: '/mous' },
  { key: 'actionPlans', path: '/action-plans' },
  { key: 'deliveries', path: '/deliveries' },
  { key: 'broadcasts', path: '/broadcasts' },
  { key: 'webhooks', path: '/webhooks' },
  { key: 'report', path: '/report' },
] as const;

export type ConsoleSection = (typeof consoleSections)[number]['key'];

export function consolePath(missionId: string, section: ConsoleSection): string {
  return `/console/m/${missionId}${consoleSections.find((candidate) => candidate.key === section)!.path}`;
}

export interface ConsoleLayoutOptions {
  /** The page's own title (the mission's follows it in the window's title). */
  title: string;
  main: Html;
  /** The mission the page is about: its navigation is shown. */
  mission?: ConsoleMission;
  /** The part of the mission's console this page is (`aria-current` in the navigation). */
  current?: ConsoleSection;
  /** Client scripts by source path under `apps/web/src`. */
  scripts?: string[];
  /** The sign-in page: no bar with the missions and signing out. */
  anonymous?: boolean;
}

/**
 * Every console page: the site's layout, a bar with the organiser's missions and signing out, and
 * for a mission its navigation (`consoleSections`, in order) above the page's content.
 */
export function consoleLayout(page: PageContext, options: ConsoleLayoutOptions): string {
  const t = translator(consoleMessages, page.language);
  const { mission } = options;
  const navigation = mission
    ? html`<nav class="console-nav" aria-label="${t('missionNavigation')}">
        <ul>
          ${consoleSections.map(({ key }) =>
            key === options.current
              ? html`<li><a href="${consolePath(mission.id, key)}" aria-current="page">${t(key)}</a></li>`
              : html`<li><a href="${consolePath(mission.id, key)}">${t(key)}</a></li>`,
          )}
        </ul>
      </nav>`
    : '';
  const bar = options.anonymous
    ? ''
    : html`<div class="console-bar">
        <a href="/console">${t('yourMissions')}</a>
        <form method="post" action="/console/sign-out"><button type="submit" class="button--quiet">${t('signOut')}</button></form>
      </div>`;
  const main = html`<div class="console">${bar} ${navigation} ${options.main}</div>`;
  return layout(page, {
    title: mission ? `${options.title} · ${mission.title}` : options.title,
    subtitle: mission ? `${t('console')} · ${mission.title}` : t('console'),
    main,
    scripts: options.scripts,
  });
}

/** A page that says why it shows nothing: not an organiser of the mission, no such mission, a service away. */
export function refusalPage(page: PageContext, kind: Exclude<RefusalKind, 'sign-in'>): string {
  const t = translator(consoleMessages, page.language);
  const [title, text] =
    kind === 'forbidden'
      ? [t('forbiddenTitle'), t('forbidden')]
      : kind === 'not-found'
        ? [t('notFoundTitle'), t('notFound')]
        : [t('unavailableTitle'), t('unavailable')];
  return consoleLayout(page, {
    title,
    main: html`<h1>${title}</h1>
      <p>${text}</p>`,
  });
}

/** "Next page" (and "First page" once past it) of a cursor-paged list, keeping the page's filters. */
export function pagingLinks(
  page: PageContext,
  base: string,
  filters: Record<string, string | undefined>,
  cursor: string | undefined,
  nextCursor: string | null,
): Html {
  const t = translator(consoleMessages, page.language);
  if (!cursor && !nextCursor) return html``;
  const link = (extra: Record<string, string>) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries({ ...filters, ...extra })) if (value) query.set(name, value);
    const text = query.toString();
    return text ? `${base}?${text}` : base;
  };
  return html`<nav class="paging" aria-label="${t('paging')}">
    <ul>
      ${cursor ? html`<li><a href="${link({})}">${t('firstPage')}</a></li>` : ''}
      ${nextCursor ? html`<li><a href="${link({ cursor: nextCursor })}" rel="next">${t('nextPage')}</a></li>` : ''}
    </ul>
  </nav>`;
}
