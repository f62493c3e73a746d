import { html } from '../kit/html.js';
import { layout } from '../kit/layout.js';
import { translator } from '../kit/messages.js';
import type { PageContext } from '../kit/page-context.js';
import { formatDate } from '../kit/time.js';
import type { Mission, MouPage } from './mission.api.js';
import { missionMessages } from './mission.messages.js';

/** The summary in the page's language if the MoU has one, else in English, else the first there is. */
function summaryOf(summary: Record<string, string>, locale: string): string | undefined {
  const primary = locale.split('-')[0];
  const key = Object.keys(summary).find((tag) => tag === locale) ?? Object.keys(summary).find((tag) => tag.split('-')[0] === primary);
  return summary[key ?? 'en'] ?? Object.values(summary)[0];
}

/** `/m/:missionId/mous`: the public register of the mission's MoUs (the registry answers an anonymous caller its public MoUs only). */
export function mousPage(page: PageContext, mission: Mission, register: MouPage): string {
  const t = translator(missionMessages, page.language);
  const title = t('mousTitle', { mission: mission.title });
  const main = html`
    <h1>${title}</h1>
    <p>${t('mousIntro')}</p>
    ${
      register.items.length === 0
        ? html`<p>${t('noMous')}</p>`
        : html`<div class="table-scroll">
            <table>
              <caption class="muted">
                ${t('mous')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t('reference')}</th>
                  <th scope="col">${t('title')}</th>
                  <th scope="col">${t('parties')}</th>
                  <th scope="col">${t('status')}</th>
                  <th scope="col">${t('signed')}</th>
                </tr>
              </thead>
              <tbody>
                ${register.items.map(
                  (mou) =>
                    html`<tr>
                      <td>${mou.reference}</td>
                      <td>
                        <strong>${mou.title}</strong>
                        ${summaryOf(mou.summary, page.locale) ? html`<br /><span class="muted">${summaryOf(mou.summary, page.locale)}</span>` : ''}
                      </td>
                      <td>${mou.parties.map((party) => party.name).join('; ')}</td>
                      <td>${t(`status.${mou.status}` as 'status.draft')}</td>
                      <td>${mou.signedOn ? formatDate(mou.signedOn, page.language) : ''}${mou.signedPlace ? html`<br />${mou.signedPlace}` : ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
    ${register.nextCursor ? html`<p><a href="/m/${mission.id}/mous?cursor=${encodeURIComponent(register.nextCursor)}">${t('next')}</a></p>` : ''}
    <p><a href="/m/${mission.id}">${t('back')}</a></p>
  `;
  return layout(page, { title, main });
}
