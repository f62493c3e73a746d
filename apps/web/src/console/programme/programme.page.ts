import type { ProblemDetails } from '#common';
import { html, type Html } from '../../kit/html.js';
import { translator, type Translate } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime, formatTime, dayIn } from '../../kit/time.js';
import { consoleLayout } from '../console.layout.js';
import { errorSummary, field, type FieldErrors } from '../forms/form-field.js';
import { zoneChoice } from '../forms/zone-choice.js';
import type { ConsoleMission } from '../organiser-api.js';
import { programmeMessages } from './programme.messages.js';
import type { ConsoleRelease, ConsoleSession } from './programme.service.js';

type ProgrammeTranslate = Translate<keyof (typeof programmeMessages)['en'] & string>;

export interface ProgrammeView {
  mission: ConsoleMission;
  sessions: ConsoleSession[];
  releases: ConsoleRelease[];
  /** The zone the viewer asked for (`?tz=`); without it their browser fills in their time. */
  viewerZone?: string;
  /** A fresh key for the publish form: a second click, or the form sent again, publishes once. */
  idempotencyKey: string;
  published?: number;
  note?: string;
  problem?: ProblemDetails;
  errors?: FieldErrors;
}

const moment: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** A moment on a zone's clock, on the 24-hour clock whatever the language. */
export function momentIn(instant: string, zone: string, page: PageContext): string {
  return formatDateTime(instant, zone, page.language, moment);
}

/** A span on a zone's clock; the end shows only its time when it falls on the same day there. */
export function spanIn(startsAt: string, endsAt: string, zone: string, page: PageContext): string {
  const end = dayIn(startsAt, zone) === dayIn(endsAt, zone) ? formatTime(endsAt, zone, page.language) : momentIn(endsAt, zone, page);
  return `${momentIn(startsAt, zone, page)} – ${end}`;
}

/** `/console/m/:missionId/programme`: each session with its fill, the publish form and the releases. */
export function programmePage(page: PageContext, view: ProgrammeView): string {
  const t = translator(programmeMessages, page.language);
  const errors = view.errors ?? {};
  const titles = new Map(view.sessions.map((session) => [session.id, session.title]));
  const main = html`<h1>${t('title')}</h1>
    ${view.published ? html`<p class="notice notice--ok" role="status">${t('published', { number: view.published })}</p>` : ''}
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">${t('sessions')}</h2>
      ${zoneChoice(page, view.viewerZone, view.mission.timezone, t('chooseZone'), t('showZone'))}
      ${
        view.sessions.length === 0
          ? html`<p>${t('noSessions')}</p>`
          : html`<div class="table-scroll" role="region" aria-labelledby="sessions-heading" tabindex="0">
              <table class="programme-table">
                <thead>
                  <tr>
                    <th scope="col">${t('session')}</th>
                    <th scope="col">${t('venueTime')}</th>
                    <th scope="col">${view.viewerZone ? t('yourTimeIn', { zone: view.viewerZone }) : t('yourTime')}</th>
                    <th scope="col">${t('venue')}</th>
                    <th scope="col">${t('fill')}</th>
                    <th scope="col">${t('state')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${view.sessions.map((session) => sessionRow(page, view, session, t))}
                </tbody>
              </table>
            </div>`
      }
    </section>
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading">${t('publish')}</h2>
      <p>${t('publishIntro')}</p>
      ${errorSummary(view.problem, errors, t('notPublished'))}
      <form method="post" action="/console/m/${view.mission.id}/programme/releases">
        <input type="hidden" name="idempotencyKey" value="${view.idempotencyKey}" />
        ${field({ name: 'note', label: t('note'), hint: t('noteHint'), value: view.note, multiline: true, errors, attributes: html`maxlength="2000"` })}
        <button type="submit">${t('publishButton')}</button>
      </form>
    </section>
    <section aria-labelledby="releases-heading">
      <h2 id="releases-heading">${t('releases')}</h2>
      ${
        view.releases.length === 0
          ? html`<p>${t('noReleases')}</p>`
          : html`<ol class="releases" reversed>
              ${view.releases.map((release) => releaseItem(page, view, release, titles, t))}
            </ol>`
      }
    </section>`;
  return consoleLayout(page, {
    title: t('title'),
    mission: view.mission,
    current: 'programme',
    main,
    scripts: view.viewerZone ? [] : ['kit/visitor-time.client.ts'],
  });
}

function sessionRow(page: PageContext, view: ProgrammeView, session: ConsoleSession, t: ProgrammeTranslate): Html {
  const { confirmed, waitlisted } = session.enrolments;
  const full = session.capacity !== null && confirmed >= session.capacity;
  const place = session.venue ? `${session.venue.name}, ${session.venue.city}` : session.route ? `${session.route.from} → ${session.route.to}` : '';
  const state = session.status === 'cancelled' ? 'cancelled' : session.released ? 'released' : 'draft';
  const yourTime = view.viewerZone
    ? spanIn(session.startsAt, session.endsAt, view.viewerZone, page)
    : html`<time datetime="${session.startsAt}" data-visitor-time>${momentIn(session.startsAt, 'UTC', page)} </time> (<span data-visitor-zone>UTC</span>)`;
  return html`<tr data-session="${session.id}">
    <th scope="row">${session.title}<br /><span class="muted">${t(`kind.${session.kind}`)}</span></th>
    <td>
      <time datetime="${session.startsAt}">${spanIn(session.startsAt, session.endsAt, session.timezone, page)}</time>
      <span class="muted">(${session.timezone})</span>
    </td>
    <td>${yourTime}</td>
    <td>${place}</td>
    <td class="fill">
      ${session.capacity === null ? t('fillUnlimited', { confirmed }) : t('fillOf', { confirmed, capacity: session.capacity })}${
        full ? html` <strong>${t('full')}</strong>` : ''
      }${waitlisted > 0 ? html`<br />${t('waiting', { count: waitlisted })}` : ''}
    </td>
    <td>${t(state)}</td>
  </tr>`;
}

function releaseItem(page: PageContext, view: ProgrammeView, release: ConsoleRelease, titles: Map<string, string>, t: ProgrammeTranslate): Html {
  const count = (change: string) => release.changes.filter((item) => item.change === change).length;
  const zone = view.viewerZone ?? view.mission.timezone;
  return html`<li class="release">
    <h3>${t('release', { number: release.number })}</h3>
    <p>
      ${t('publishedAt')} <time datetime="${release.publishedAt}">${formatDateTime(release.publishedAt, zone, page.language)} (${zone})</time>${
        release.publishedBy ? html` · ${t('publishedBy', { organiser: release.publishedBy })}` : ''
      }
    </p>
    ${release.note ? html`<p class="release-note">${release.note}</p>` : ''}
    <details>
      <summary>${t('changes', { added: count('added'), changed: count('changed'), cancelled: count('cancelled') })}</summary>
      <ul>
        ${release.changes.map((change) => html`<li>${t(`change.${change.change}`)}: ${titles.get(change.sessionId) ?? change.sessionId}</li>`)}
      </ul>
    </details>
  </li>`;
}
