import { html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime } from '../../kit/time.js';
import { consoleLayout, consolePath, pagingLinks } from '../console.layout.js';
import { consoleMessages } from '../console.messages.js';
import type { ConsoleMission } from '../organiser-api.js';
import { deliveriesMessages } from './deliveries.messages.js';

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A row of notifications' delivery log (`GET /api/missions/:id/deliveries`). */
export interface DeliveryItem {
  id: string;
  recipient: string;
  template: string;
  language: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface DeliveriesView {
  mission: ConsoleMission;
  items: DeliveryItem[];
  status?: DeliveryStatus;
  cursor?: string;
  nextCursor: string | null;
  /** The development mail catcher's page, when it runs. */
  devMail: boolean;
}

/** `/console/m/:missionId/deliveries`: the delivery log, with its status filter and paging. */
export function deliveriesPage(page: PageContext, view: DeliveriesView): string {
  const t = translator(deliveriesMessages, page.language);
  const c = translator(consoleMessages, page.language);
  const { mission } = view;
  const base = consolePath(mission.id, 'deliveries');
  const at = (instant: string | null) => (instant ? formatDateTime(instant, mission.timezone, page.language) : '');
  const table =
    view.items.length === 0
      ? html`<p>${t('none')}</p>`
      : html`<div class="table-scroll">
          <table class="deliveries">
            <thead>
              <tr>
                <th scope="col">${t('created')}</th>
                <th scope="col">${t('recipient')}</th>
                <th scope="col">${t('mail')}</th>
                <th scope="col">${t('language')}</th>
                <th scope="col">${t('status')}</th>
                <th scope="col">${t('attempts')}</th>
                <th scope="col">${t('lastError')}</th>
                <th scope="col">${t('sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              ${view.items.map(
                (item) =>
                  html`<tr data-status="${item.status}">
                    <td>${at(item.createdAt)}</td>
                    <td>${item.recipient}</td>
                    <td>${item.template}</td>
                    <td>${item.language}</td>
                    <td><span class="status status--${item.status}">${t(`status_${item.status}`)}</span></td>
                    <td>${item.attempts}</td>
                    <td>${item.lastError ?? ''}</td>
                    <td>${at(item.sentAt)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    ${view.devMail ? html`<p><a href="/dev/mail">${t('devMail')}</a></p>` : ''}
    <form method="get" action="${base}" class="filters">
      <div class="field">
        <label for="status">${t('status')}</label>
        <select id="status" name="status">
          <option value="">${c('anyStatus')}</option>
          ${deliveryStatuses.map((status) => html`<option value="${status}" ${view.status === status ? html` selected` : ''}>${t(`status_${status}`)}</option>`)}
        </select>
      </div>
      <div class="filters__actions"><button type="submit">${t('apply')}</button></div>
    </form>
    ${table} ${pagingLinks(page, base, { status: view.status }, view.cursor, view.nextCursor)}
    <p class="muted">${c('timesIn', { zone: mission.timezone })}</p>`;
  return consoleLayout(page, { title: t('title'), mission, current: 'deliveries', main });
}
