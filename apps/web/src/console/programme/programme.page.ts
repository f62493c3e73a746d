import type { ProblemDetails } from '#common';
import { sessionKinds } from '#contracts';
import { html, type Html } from '../../kit/html.js';
import { translator, type Translate } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime, formatTime, dayIn } from '../../kit/time.js';
import { consoleLayout } from '../console.layout.js';
import { errorSummary, field, type FieldErrors } from '../forms/form-field.js';
import { zoneChoice } from '../forms/zone-choice.js';
import type { ConsoleMission } from '../organiser-api.js';
import { programmeMessages } from './programme.messages.js';
import { nested } from './programme-structure.js';
import type { ConsoleRelease, ConsoleSession, ConsoleVenue } from './programme.service.js';

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
  /** The venues with their rooms, for the forms that add a session and a room. */
  venues?: ConsoleVenue[];
  /** What was added just before (a redirect after the form). */
  added?: 'session' | 'room';
  /** The add-a-session form as it was sent, refused: its values, the problem and its fields' errors. */
  sessionForm?: { values: Record<string, string>; problem?: ProblemDetails; errors: FieldErrors };
  roomForm?: { values: Record<string, string>; problem?: ProblemDetails; errors: FieldErrors };
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
    ${view.added ? html`<p class="notice notice--ok" role="status">${t(view.added === 'session' ? 'sessionAdded' : 'roomAdded')}</p>` : ''}
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
                  ${nested(view.sessions).map(({ session, depth }) => sessionRow(page, view, session, depth, titles, t))}
                </tbody>
              </table>
            </div>`
      }
    </section>
    ${addSessionSection(view, t)} ${roomsSection(view, t)}
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

function sessionRow(page: PageContext, view: ProgrammeView, session: ConsoleSession, depth: number, titles: Map<string, string>, t: ProgrammeTranslate): Html {
  const { confirmed, waitlisted } = session.enrolments;
  const full = session.capacity !== null && confirmed >= session.capacity;
  const venue = session.venue ? [session.room?.name, session.venue.name, session.venue.city].filter(Boolean).join(', ') : '';
  const place = venue || (session.route ? `${session.route.from} → ${session.route.to}` : '');
  const parent = session.parentSessionId ? titles.get(session.parentSessionId) : undefined;
  const state = session.status === 'cancelled' ? 'cancelled' : session.released ? 'released' : 'draft';
  const yourTime = view.viewerZone
    ? spanIn(session.startsAt, session.endsAt, view.viewerZone, page)
    : html`<time datetime="${session.startsAt}" data-visitor-time>${momentIn(session.startsAt, 'UTC', page)} </time> (<span data-visitor-zone>UTC</span>)`;
  return html`<tr data-session="${session.id}" data-depth="${depth}" class="${depth > 0 ? `session--child session--depth-${Math.min(depth, 3)}` : ''}">
    <th scope="row">
      ${depth > 0 ? html`<span aria-hidden="true">↳ </span>` : ''}${session.title}<br /><span class="muted">${t(`kind.${session.kind}`)}</span>${
        parent ? html`<br /><span class="muted">${t('partOf', { parent })}</span>` : ''
      }
    </th>
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

function addSessionSection(view: ProgrammeView, t: ProgrammeTranslate): Html {
  const form = view.sessionForm ?? { values: {}, errors: {} };
  const values: Record<string, string | undefined> = { languages: 'en, zh', ...form.values };
  const venues = view.venues ?? [];
  const holders = view.sessions.filter((session) => session.status === 'active' && session.kind !== 'transfer');
  const action = `/console/m/${view.mission.id}/programme/sessions`;
  return html`<section aria-labelledby="add-session-heading">
    <h2 id="add-session-heading">${t('addSession')}</h2>
    <p>${t('addSessionIntro')}</p>
    ${errorSummary(form.problem, form.errors, t('sessionNotAdded'))}
    <form method="post" action="${action}">
      <input type="hidden" name="idempotencyKey" value="${view.idempotencyKey}" />
      ${field({
        name: 'parentSessionId',
        label: t('parent'),
        hint: t('parentHint'),
        value: values.parentSessionId,
        errors: form.errors,
        choices: [{ value: '', label: t('noParent') }, ...holders.map((session) => ({ value: session.id, label: session.title }))],
      })}
      ${field({
        name: 'kind',
        label: t('kind'),
        value: values.kind ?? 'panel_discussion',
        errors: form.errors,
        choices: sessionKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) })),
      })}
      ${field({ name: 'title', label: t('sessionTitle'), value: values.title, errors: form.errors, required: true, attributes: html`maxlength="200"` })}
      ${field({ name: 'titleZh', label: t('titleZh'), value: values.titleZh, errors: form.errors, attributes: html`maxlength="200" lang="zh"` })}
      ${field({ name: 'startsAt', label: t('startsAt'), hint: t('timesHint'), type: 'datetime-local', value: values.startsAt, errors: form.errors, required: true })}
      ${field({ name: 'endsAt', label: t('endsAt'), type: 'datetime-local', value: values.endsAt, errors: form.errors, required: true })}
      ${field({
        name: 'venueId',
        label: t('venue'),
        value: values.venueId,
        errors: form.errors,
        choices: [{ value: '', label: t('parentVenue') }, ...venues.map((venue) => ({ value: venue.id, label: `${venue.name}, ${venue.city}` }))],
      })}
      ${field({
        name: 'roomId',
        label: t('room'),
        hint: t('roomHint'),
        value: values.roomId,
        errors: form.errors,
        choices: [
          { value: '', label: t('wholeVenue') },
          ...venues.flatMap((venue) =>
            venue.rooms.map((room) => ({ value: room.id, label: `${room.name} (${venue.name}, ${t('seats', { count: room.capacity })})` })),
          ),
        ],
      })}
      ${field({ name: 'capacity', label: t('capacity'), hint: t('capacityHint'), type: 'number', value: values.capacity, errors: form.errors, attributes: html`min="1"` })}
      ${field({ name: 'languages', label: t('languages'), hint: t('languagesHint'), value: values.languages, errors: form.errors })}
      ${field({ name: 'moderator', label: t('moderator'), hint: t('panelOnly'), value: values.moderator, errors: form.errors })}
      ${field({ name: 'panellist', label: t('panellist'), hint: t('panelOnly'), value: values.panellist, errors: form.errors })}
      <button type="submit">${t('addSessionButton')}</button>
    </form>
  </section>`;
}

function roomsSection(view: ProgrammeView, t: ProgrammeTranslate): Html {
  const form = view.roomForm ?? { values: {}, errors: {} };
  const venues = view.venues ?? [];
  if (venues.length === 0) return html``;
  return html`<section aria-labelledby="rooms-heading">
    <h2 id="rooms-heading">${t('rooms')}</h2>
    <ul class="venue-rooms">
      ${venues.map(
        (venue) =>
          html`<li>
            <strong>${venue.name}</strong>, ${venue.city}:
            ${venue.rooms.length === 0 ? t('noRooms') : venue.rooms.map((room) => `${room.name} (${t('seats', { count: room.capacity })})`).join(' · ')}
          </li>`,
      )}
    </ul>
    ${errorSummary(form.problem, form.errors, t('roomNotAdded'))}
    <form method="post" action="/console/m/${view.mission.id}/programme/rooms">
      <input type="hidden" name="idempotencyKey" value="${view.idempotencyKey}" />
      ${field({
        name: 'venueId',
        label: t('venue'),
        value: form.values.venueId,
        errors: form.errors,
        choices: venues.map((venue) => ({ value: venue.id, label: `${venue.name}, ${venue.city}` })),
      })}
      ${field({ name: 'name', label: t('roomName'), value: form.values.name, errors: form.errors, required: true, attributes: html`maxlength="200"` })}
      ${field({ name: 'capacity', label: t('roomCapacity'), type: 'number', value: form.values.capacity, errors: form.errors, required: true, attributes: html`min="1"` })}
      <button type="submit">${t('addRoomButton')}</button>
    </form>
  </section>`;
}
