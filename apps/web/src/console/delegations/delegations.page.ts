import { html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { consoleLayout } from '../console.layout.js';
import type { ConsoleMission } from '../organiser-api.js';
import { delegationsMessages } from './delegations.messages.js';

/** A delegation as registration's `GET /api/missions/:id/delegations` answers it. */
export interface ConsoleDelegation {
  id: string;
  name: string;
  country: string;
  city: string | null;
  parentId: string | null;
  precedence: number;
  quota: number | null;
  withSubDelegations: { confirmed: number; waitlisted: number; pendingApproval: number };
  invitationPath: string;
}

/** `/console/m/:missionId/delegations`: the list in order of precedence (a table that scrolls on a phone), and a form to add one. */
export function delegationsPage(page: PageContext, mission: ConsoleMission, delegations: ConsoleDelegation[], outcome?: { ok: boolean; text: string }): string {
  const t = translator(delegationsMessages, page.language);
  const nameOf = (id: string | null) => delegations.find((delegation) => delegation.id === id)?.name ?? '';
  const action = `/console/m/${mission.id}/delegations`;
  const rows = delegations.map(
    (delegation) =>
      html`<tr>
        <td>${delegation.parentId ? html`<span aria-hidden="true">— </span>` : ''}${delegation.name}</td>
        <td>${delegation.country}</td>
        <td>${delegation.city ?? ''}</td>
        <td>${nameOf(delegation.parentId)}</td>
        <td>${delegation.quota ?? ''}</td>
        <td>${delegation.withSubDelegations.confirmed} · ${delegation.withSubDelegations.waitlisted}</td>
        <td><a href="${delegation.invitationPath}">${t('invitation')}</a></td>
        <td>
          <form method="post" action="${action}" class="inline-form">
            <input type="hidden" name="delegationId" value="${delegation.id}" />
            <button type="submit" name="action" value="up" ${delegation.precedence === 1 ? html` disabled` : ''}>${t('up')}</button>
            <button type="submit" name="action" value="remove" class="button--quiet">${t('remove')}</button>
          </form>
          <form method="post" action="${action}" class="inline-form">
            <input type="hidden" name="delegationId" value="${delegation.id}" />
            <label for="into-${delegation.id}">${t('mergeInto')}</label>
            <select id="into-${delegation.id}" name="into">
              ${delegations.filter((other) => other.id !== delegation.id).map((other) => html`<option value="${other.id}">${other.name}</option>`)}
            </select>
            <button type="submit" name="action" value="merge">${t('merge')}</button>
          </form>
        </td>
      </tr>`,
  );
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    ${outcome ? html`<p class="notice ${outcome.ok ? 'notice--ok' : 'notice--error'}" role="${outcome.ok ? 'status' : 'alert'}">${outcome.text}</p>` : ''}
    ${
      delegations.length === 0
        ? html`<p>${t('none')}</p>`
        : html`<div class="table-scroll">
            <table class="delegations">
              <thead>
                <tr>
                  <th scope="col">${t('name')}</th>
                  <th scope="col">${t('country')}</th>
                  <th scope="col">${t('city')}</th>
                  <th scope="col">${t('parent')}</th>
                  <th scope="col">${t('quota')}</th>
                  <th scope="col">${t('registrations')}</th>
                  <th scope="col">${t('invitation')}</th>
                  <th scope="col">${t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>`
    }
    <h2>${t('add')}</h2>
    <form method="post" action="${action}">
      <input type="hidden" name="action" value="create" />
      <div class="field"><label for="name-en">${t('nameEn')}</label><input type="text" id="name-en" name="nameEn" required maxlength="100" /></div>
      <div class="field"><label for="name-zh">${t('nameZh')}</label><input type="text" id="name-zh" name="nameZh" maxlength="100" lang="zh-CN" /></div>
      <div class="field">
        <label for="country">${t('country')}</label><span class="hint" id="country-hint">${t('countryHint')}</span>
        <input type="text" id="country" name="country" required maxlength="2" autocapitalize="characters" aria-describedby="country-hint" />
      </div>
      <div class="field"><label for="city">${t('city')}</label><input type="text" id="city" name="city" maxlength="120" /></div>
      <div class="field">
        <label for="parent">${t('parent')}</label>
        <select id="parent" name="parentId">
          <option value="">${t('noParent')}</option>
          ${delegations.map((delegation) => html`<option value="${delegation.id}">${delegation.name}</option>`)}
        </select>
      </div>
      <div class="field"><label for="quota">${t('quota')}</label><input type="number" id="quota" name="quota" min="0" inputmode="numeric" /></div>
      <p><button type="submit">${t('save')}</button></p>
    </form>`;
  return consoleLayout(page, { title: t('title'), main, mission, current: 'delegations' });
}
