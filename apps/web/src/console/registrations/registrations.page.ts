import { personName } from '#common';
import { html, type Html } from '../../kit/html.js';
import { translator, type Translate } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime } from '../../kit/time.js';
import { consoleLayout, consolePath, pagingLinks } from '../console.layout.js';
import { consoleMessages } from '../console.messages.js';
import { queryOf, type ConsoleMission } from '../organiser-api.js';
import { registrationsMessages } from './registrations.messages.js';

export const registrationStatuses = ['pending_approval', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;

/** A registration as the organiser's list answers it (the fields the page shows). */
export interface RegistrationItem {
  id: string;
  missionId: string;
  status: (typeof registrationStatuses)[number];
  waitlistPosition: number | null;
  email: string;
  givenName: string;
  familyName: string;
  organisation: { name: string; country: string; city: string | null };
  delegation: string | null;
  rejectionReason: string | null;
  checkedInAt: string | null;
  createdAt: string;
}

export interface RegistrationFilters {
  status?: string;
  delegation?: string;
  country?: string;
}

/** What a decision came to, shown above the list: `ok` or not, in words. */
export interface DecisionNotice {
  ok: boolean;
  text: string;
}

export function fullName(registration: Pick<RegistrationItem, 'givenName' | 'familyName'>): string {
  return personName(registration.givenName, registration.familyName);
}

export function statusText(page: PageContext, status: string): string {
  const c = translator(consoleMessages, page.language);
  return (registrationStatuses as readonly string[]).includes(status) ? c(`status_${status as RegistrationItem['status']}`) : status;
}

function statusCell(page: PageContext, t: Translate<keyof typeof registrationsMessages.en>, mission: ConsoleMission, item: RegistrationItem): Html {
  const details = [
    item.status === 'waitlisted' && item.waitlistPosition !== null ? t('waitlisted', { position: item.waitlistPosition }) : statusText(page, item.status),
    item.checkedInAt ? t('checkedInAt', { time: formatDateTime(item.checkedInAt, mission.timezone, page.language) }) : '',
    item.rejectionReason ? t('reasonGiven', { reason: item.rejectionReason }) : '',
  ].filter(Boolean);
  return html`<span class="status status--${item.status}">${details[0]}</span
    >${details.slice(1).map((line) => html`<br /><span class="muted">${line}</span>`)}`;
}

/** One row, also what an inline decision answers to replace the row it was made in. */
export function registrationRow(page: PageContext, mission: ConsoleMission, item: RegistrationItem, returnTo: string): Html {
  const t = translator(registrationsMessages, page.language);
  const name = fullName(item);
  const action = (verb: 'approve' | 'reject') => `/console/m/${mission.id}/registrations/${item.id}/${verb}`;
  const decision =
    item.status === 'pending_approval'
      ? html`<form method="post" action="${action('approve')}" data-inline class="decision">
            <input type="hidden" name="returnTo" value="${returnTo}" />
            <button type="submit">${t('approve')}<span class="visually-hidden"> ${name}</span></button>
          </form>
          <details class="decision">
            <summary>${t('reject')}<span class="visually-hidden"> ${name}</span></summary>
            <form method="post" action="${action('reject')}" data-inline>
              <input type="hidden" name="returnTo" value="${returnTo}" />
              <label for="reason-${item.id}">${t('rejectReason')}</label>
              <input type="text" id="reason-${item.id}" name="reason" required maxlength="1000" />
              <button type="submit">${t('rejectSubmit')}<span class="visually-hidden"> ${name}</span></button>
            </form>
          </details>`
      : '';
  return html`<tr id="registration-${item.id}" data-status="${item.status}">
    <th scope="row">${name}<br /><span class="muted">${item.email}</span></th>
    <td>${item.organisation.name}<br /><span class="muted">${[item.organisation.city, item.organisation.country].filter(Boolean).join(', ')}</span></td>
    <td>${item.delegation ?? ''}</td>
    <td>${statusCell(page, t, mission, item)}</td>
    <td>${formatDateTime(item.createdAt, mission.timezone, page.language)}</td>
    <td>${decision}</td>
  </tr>`;
}

export interface RegistrationsView {
  mission: ConsoleMission;
  items: RegistrationItem[];
  nextCursor: string | null;
  filters: RegistrationFilters;
  cursor?: string;
  /** Field errors of the filters, from the service's problem. */
  fieldErrors: Record<string, string>;
  delegations: string[];
  notice?: DecisionNotice;
  /** This page's own address, where a decision made without JavaScript comes back to. */
  returnTo: string;
}

/** `/console/m/:missionId/registrations`: the list with its filters, paging, decisions and CSV export. */
export function registrationsPage(page: PageContext, view: RegistrationsView): string {
  const t = translator(registrationsMessages, page.language);
  const c = translator(consoleMessages, page.language);
  const { mission, filters, fieldErrors } = view;
  const base = consolePath(mission.id, 'registrations');
  const invalid = (field: string) => (fieldErrors[field] ? html`<span class="field-error" id="${field}-error">${fieldErrors[field]}</span>` : '');
  const filterForm = html`<form method="get" action="${base}" class="filters" aria-label="${t('filters')}">
    <div class="field">
      <label for="status">${t('status')}</label>
      <select id="status" name="status">
        <option value="">${c('anyStatus')}</option>
        ${registrationStatuses.map((status) => html`<option value="${status}" ${filters.status === status ? html` selected` : ''}>${statusText(page, status)}</option>`)}</select
      >${invalid('status')}
    </div>
    <div class="field">
      <label for="delegation">${t('delegation')}</label>
      <input type="text" id="delegation" name="delegation" value="${filters.delegation ?? ''}" list="delegations" autocomplete="off" />
      <datalist id="delegations">${view.delegations.map((delegation) => html`<option value="${delegation}"></option>`)}</datalist>${invalid('delegation')}
    </div>
    <div class="field${fieldErrors.country ? ' field--invalid' : ''}">
      <label for="country">${t('country')}</label> <span class="hint" id="country-hint">${t('countryHint')}</span>${invalid('country')}
      <input
        type="text"
        id="country"
        name="country"
        value="${filters.country ?? ''}"
        maxlength="2"
        autocomplete="off"
        aria-describedby="country-hint${fieldErrors.country ? ' country-error' : ''}"
      />
    </div>
    <div class="filters__actions"><button type="submit">${t('apply')}</button> <a href="${base}">${t('clear')}</a></div>
  </form>`;
  const csv = `/api/missions/${mission.id}/registrations${queryOf({ ...filters, format: 'csv' })}`;
  const table =
    view.items.length === 0
      ? html`<p>${t('none')}</p>`
      : html`<div class="table-scroll">
          <table class="registrations">
            <thead>
              <tr>
                <th scope="col">${t('name')}</th>
                <th scope="col">${t('organisation')}</th>
                <th scope="col">${t('delegation')}</th>
                <th scope="col">${t('status')}</th>
                <th scope="col">${t('registered')}</th>
                <th scope="col">${t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              ${view.items.map((item) => registrationRow(page, mission, item, view.returnTo))}
            </tbody>
          </table>
        </div>`;
  const notice = view.notice
    ? html`<p id="decision-notice" class="notice ${view.notice.ok ? 'notice--ok' : 'notice--error'}" role="status" tabindex="-1">${view.notice.text}</p>`
    : html`<p id="decision-notice" class="notice" role="status" tabindex="-1" hidden></p>`;
  const main = html`<h1>${t('title')}</h1>
    ${notice} ${filterForm}
    <p><a href="${csv}" download>${t('csv')}</a> <span class="muted">(${t('csvHint')})</span></p>
    ${table} ${pagingLinks(page, base, { ...filters }, view.cursor, view.nextCursor)}
    <p class="muted">${c('timesIn', { zone: mission.timezone })}</p>`;
  return consoleLayout(page, { title: t('title'), mission, current: 'registrations', main, scripts: ['console/registrations/registrations.client.ts'] });
}
