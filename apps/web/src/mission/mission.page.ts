import { html, type Html } from '../kit/html.js';
import { layout } from '../kit/layout.js';
import { translator } from '../kit/messages.js';
import type { PageContext } from '../kit/page-context.js';
import { dayIn, formatDate, formatTime } from '../kit/time.js';
import type { Mission, Programme, ProgrammeEntry } from './mission.api.js';
import { missionMessages } from './mission.messages.js';

export interface MissionPageInput {
  mission: Mission;
  programme: Programme;
  /** The visitor's zone from `?tz=`, checked; otherwise the browser's, filled in by a script. */
  visitorZone?: string;
  unknownZone?: boolean;
}

/** `/m/:missionId`: the mission and its released programme, each session at the venue's time and the visitor's. */
export function missionPage(page: PageContext, input: MissionPageInput): string {
  const t = translator(missionMessages, page.language);
  const { mission, programme } = input;
  const days = new Map<string, ProgrammeEntry[]>();
  for (const item of programme.items) {
    const day = dayIn(item.startsAt, item.venueTime.timezone);
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  const main = html`
    <h1>${mission.title}</h1>
    <p>
      ${t('dates', { startsOn: formatDate(mission.startsOn, page.language), endsOn: formatDate(mission.endsOn, page.language) })} ·
      ${mission.cities.map((city) => city.name).join(', ')}
    </p>
    <p><a class="button" href="/m/${mission.id}/register">${t('register')}</a></p>
    <p><a href="/m/${mission.id}/mous">${t('mous')}</a></p>
    <h2>${t('programme')}</h2>
    ${input.unknownZone ? html`<p class="notice notice--error">${t('unknownZone')}</p>` : ''}
    ${
      programme.items.length === 0
        ? html`<p>${t('noProgramme')}</p>`
        : html`<p class="muted">${t('zone', { zone: mission.timezone })}</p>
            <p><a href="/api/missions/${mission.id}/programme.ics">${t('calendar')}</a></p>
            ${[...days].map(
              ([day, items]) =>
                html`<section class="day" aria-labelledby="day-${day}">
                  <h3 id="day-${day}">${formatDate(day, page.language, { dateStyle: 'full' })}</h3>
                  <ul class="sessions">
                    ${items.map((item) => sessionItem(page, item, input.visitorZone))}
                  </ul>
                </section>`,
            )}`
    }
    <form method="get" action="/m/${mission.id}" class="zone-form">
      <div class="field">
        <label for="tz">${t('showInZone')}</label>
        <input type="text" id="tz" name="tz" value="${input.visitorZone ?? ''}" placeholder="Europe/Madrid" autocomplete="off" />
      </div>
      <button type="submit">${t('show')}</button>
    </form>
  `;
  return layout(page, { title: mission.title, main, scripts: ['kit/visitor-time.client.ts'] });
}

function sessionItem(page: PageContext, item: ProgrammeEntry, visitorZone: string | undefined): Html {
  const t = translator(missionMessages, page.language);
  const venueZone = item.venueTime.timezone;
  const range = (zone: string) => `${formatTime(item.startsAt, zone, page.language)}–${formatTime(item.endsAt, zone, page.language)}`;
  const place = item.route ? `${item.route.from} → ${item.route.to}` : item.venue ? [item.venue.name, item.venue.city].filter(Boolean).join(', ') : '';
  return html`<li>
    <p>
      <strong>${item.title}</strong>
      <span class="muted">· ${t(`kind.${item.kind}` as 'kind.forum')}</span>${item.status === 'cancelled' ? html` · <strong>${t('cancelled')}</strong>` : ''}
    </p>
    <p class="times">
      <span>${t('venueTime', { time: `${range(venueZone)} (${venueZone})` })}</span>
      ${
        visitorZone
          ? html`<span>${t('yourTime', { time: `${range(visitorZone)} (${visitorZone})` })}</span>`
          : html`<span hidden
              >${t('yourTimePending')} <time data-visitor-time="time" datetime="${item.startsAt}"></time>–<time
                data-visitor-time="time"
                datetime="${item.endsAt}"
              ></time>
              (<span data-visitor-zone></span>)</span
            >`
      }
    </p>
    ${place ? html`<p>${place}${item.hostEvent ? html` · ${item.hostEvent}` : ''}</p>` : ''} ${item.description ? html`<p>${item.description}</p>` : ''}
  </li>`;
}
