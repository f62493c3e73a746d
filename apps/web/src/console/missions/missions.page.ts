import { html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDate } from '../../kit/time.js';
import { consoleLayout, consolePath, pagingLinks } from '../console.layout.js';
import { missionsMessages } from './missions.messages.js';

/** A mission as the organiser's list answers it. */
export interface MissionItem {
  id: string;
  code: string;
  title: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  cities: { name: string; country: string }[];
}

/** `/console`: the missions the organiser's token covers, each leading to its live page. */
export function missionsPage(page: PageContext, missions: MissionItem[], cursor: string | undefined, nextCursor: string | null): string {
  const t = translator(missionsMessages, page.language);
  const list =
    missions.length === 0 && !cursor
      ? html`<p>${t('none')}</p>`
      : html`<div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t('mission')}</th>
                  <th scope="col">${t('code')}</th>
                  <th scope="col">${t('dates')}</th>
                  <th scope="col">${t('cities')}</th>
                </tr>
              </thead>
              <tbody>
                ${missions.map(
                  (mission) =>
                    html`<tr>
                      <td><a href="${consolePath(mission.id, 'live')}">${mission.title}</a></td>
                      <td>${mission.code}</td>
                      <td>${t('dateRange', { from: formatDate(mission.startsOn, page.language), to: formatDate(mission.endsOn, page.language) })}</td>
                      <td>${mission.cities.map((city) => city.name).join(', ')}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${pagingLinks(page, '/console', {}, cursor, nextCursor)}`;
  const main = html`<h1>${t('title')}</h1>
    ${list}
    <form method="get" action="/console/open" class="inline-form">
      <div class="field">
        <label for="mission-id">${t('open')}</label>
        <input type="text" id="mission-id" name="mission" required pattern="[0-9a-fA-F-]{36}" autocomplete="off" spellcheck="false" />
      </div>
      <button type="submit">${t('go')}</button>
    </form>`;
  return consoleLayout(page, { title: t('title'), main });
}
