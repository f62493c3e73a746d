import { html, type Html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime } from '../../kit/time.js';
import { consoleLayout, consolePath, pagingLinks } from '../console.layout.js';
import type { ConsoleMission } from '../organiser-api.js';
import { webhooksMessages } from './webhooks.messages.js';

/** An endpoint as notifications answers it (`GET /api/missions/:id/webhooks`). */
export interface EndpointItem {
  id: string;
  url: string;
  description: string | null;
  contactEmail: string | null;
  eventTypes: string[];
  status: 'enabled' | 'disabled';
  disabledReason: string | null;
  failingSince: string | null;
  previousSecretValidUntil: string | null;
}

export interface AttemptItem {
  deliveryId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  manual: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  at: string;
}

export interface DeliveryItem {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed' | 'dropped';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  payloadErased: boolean;
}

export type WebhookDone = 'redelivered' | 'enabled' | 'deleted';

/** What the organiser typed into the form of a new endpoint, and what notifications said of it. */
export interface EndpointForm {
  values: Record<string, string>;
  errors: Record<string, string>;
}

export interface WebhooksView {
  mission: ConsoleMission;
  endpoints: EndpointItem[];
  form?: EndpointForm;
  done?: WebhookDone;
}

export interface EndpointPageView {
  mission: ConsoleMission;
  endpoint: EndpointItem;
  /** Only right after it was made or rotated: shown this once. */
  secret?: string;
  attempts: { items: AttemptItem[]; cursor?: string; nextCursor: string | null };
  deliveries: DeliveryItem[];
  done?: WebhookDone;
  refused?: string;
}

function basePath(missionId: string): string {
  return consolePath(missionId, 'webhooks');
}

/** `/console/m/:missionId/webhooks`: the mission's endpoints and the form of a new one. */
export function webhooksPage(page: PageContext, view: WebhooksView): string {
  const t = translator(webhooksMessages, page.language);
  const base = basePath(view.mission.id);
  const value = (name: string) => view.form?.values[name] ?? '';
  const error = (name: string) => (view.form?.errors[name] ? html`<p class="field__error" id="${name}-error">${view.form.errors[name]}</p>` : '');
  const list =
    view.endpoints.length === 0
      ? html`<p>${t('none')}</p>`
      : html`<ul class="webhook-endpoints">
          ${view.endpoints.map(
            (endpoint) =>
              html`<li data-status="${endpoint.status}">
                <p><strong>${endpoint.url}</strong> <span class="status status--${endpoint.status}">${t(`status_${endpoint.status}`)}</span></p>
                <p>${endpoint.eventTypes.join(' ')}${endpoint.description ? html` — ${endpoint.description}` : ''}</p>
                ${endpoint.disabledReason ? html`<p>${t('disabledBecause', { reason: endpoint.disabledReason })}</p>` : ''}
                <p><a href="${base}/${endpoint.id}">${t('open')}</a></p>
              </li>`,
          )}
        </ul>`;
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    ${view.done ? html`<p class="notice" role="status">${t(`done_${view.done}`)}</p>` : ''}
    <h2>${t('endpoints')}</h2>
    ${list}
    <h2>${t('addTitle')}</h2>
    <form method="post" action="${base}" class="stacked">
      <div class="field">
        <label for="url">${t('url')}</label>
        <input id="url" name="url" type="url" inputmode="url" required value="${value('url')}" placeholder="https://" />
        ${error('url')}
      </div>
      <div class="field">
        <label for="eventTypes">${t('eventTypes')}</label>
        <input id="eventTypes" name="eventTypes" required value="${value('eventTypes')}" aria-describedby="eventTypes-hint" />
        <p class="muted" id="eventTypes-hint">${t('eventTypesHint')}</p>
        ${error('eventTypes')}
      </div>
      <div class="field">
        <label for="contactEmail">${t('contactEmail')}</label>
        <input id="contactEmail" name="contactEmail" type="email" value="${value('contactEmail')}" aria-describedby="contactEmail-hint" />
        <p class="muted" id="contactEmail-hint">${t('contactEmailHint')}</p>
        ${error('contactEmail')}
      </div>
      <div class="field">
        <label for="description">${t('description')}</label>
        <input id="description" name="description" value="${value('description')}" />
        ${error('description')}
      </div>
      <button type="submit">${t('add')}</button>
    </form>`;
  return consoleLayout(page, { title: t('title'), mission: view.mission, current: 'webhooks', main });
}

/** `/console/m/:missionId/webhooks/:endpointId`: one endpoint, its secret (once), rotation, its log and redelivery. */
export function endpointPage(page: PageContext, view: EndpointPageView): string {
  const t = translator(webhooksMessages, page.language);
  const { mission, endpoint } = view;
  const self = `${basePath(mission.id)}/${endpoint.id}`;
  const at = (instant: string) => formatDateTime(instant, mission.timezone, page.language);
  const secret: Html | string = view.secret
    ? html`<section class="notice" role="status">
        <h2>${t('secretTitle')}</h2>
        <p>${t('secretOnce')}</p>
        <p><code class="secret" data-secret>${view.secret}</code></p>
      </section>`
    : '';
  const attempts =
    view.attempts.items.length === 0
      ? html`<p>${t('noAttempts')}</p>`
      : html`<div class="table-scroll">
          <table class="webhook-attempts">
            <thead>
              <tr>
                <th scope="col">${t('at')}</th>
                <th scope="col">${t('event')}</th>
                <th scope="col">${t('attempt')}</th>
                <th scope="col">${t('statusCode')}</th>
                <th scope="col">${t('duration')}</th>
                <th scope="col">${t('error')}</th>
              </tr>
            </thead>
            <tbody>
              ${view.attempts.items.map(
                (attempt) =>
                  html`<tr>
                    <td>${at(attempt.at)}</td>
                    <td>${attempt.eventType}</td>
                    <td>${attempt.attempt}${attempt.manual ? html` (${t('manual')})` : ''}</td>
                    <td>${attempt.statusCode ?? '—'}</td>
                    <td>${attempt.durationMs}</td>
                    <td>${attempt.error ?? ''}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`;
  const deliveries =
    view.deliveries.length === 0
      ? html`<p>${t('noDeliveries')}</p>`
      : html`<ul class="webhook-deliveries">
          ${view.deliveries.map(
            (delivery) =>
              html`<li data-status="${delivery.status}">
                <span
                  >${at(delivery.createdAt)} · ${delivery.eventType} · ${t(`delivery_${delivery.status}`)} · ${delivery.attempts}
                  ${delivery.lastStatusCode !== null ? html` · ${delivery.lastStatusCode}` : ''}</span
                >
                ${
                  endpoint.status === 'enabled' && !delivery.payloadErased
                    ? html`<form method="post" action="${self}/deliveries/${delivery.id}/redeliver" class="inline">
                        <button type="submit">${t('redeliver')}</button>
                      </form>`
                    : ''
                }
              </li>`,
          )}
        </ul>`;
  const main = html`<p><a href="${basePath(mission.id)}">${t('back')}</a></p>
    <h1>${endpoint.url}</h1>
    ${view.done ? html`<p class="notice" role="status">${t(`done_${view.done}`)}</p>` : ''}
    ${view.refused ? html`<p class="notice notice--error" role="alert">${t('refused', { detail: view.refused })}</p>` : ''} ${secret}
    <p><span class="status status--${endpoint.status}">${t(`status_${endpoint.status}`)}</span> ${endpoint.eventTypes.join(' ')}</p>
    ${endpoint.disabledReason ? html`<p>${t('disabledBecause', { reason: endpoint.disabledReason })}</p>` : ''}
    ${endpoint.failingSince ? html`<p>${t('failingSince', { at: at(endpoint.failingSince) })}</p>` : ''}
    ${endpoint.previousSecretValidUntil ? html`<p>${t('previousUntil', { at: at(endpoint.previousSecretValidUntil) })}</p>` : ''}
    <form method="post" action="${self}/rotate" class="inline">
      <label for="overlapHours">${t('overlapHours')}</label>
      <input id="overlapHours" name="overlapHours" type="number" min="0" max="168" value="24" inputmode="numeric" />
      <button type="submit">${t('rotate')}</button>
    </form>
    ${
      endpoint.status === 'disabled'
        ? html`<form method="post" action="${self}/enable" class="inline"><button type="submit">${t('enable')}</button></form>`
        : ''
    }
    <form method="post" action="${self}/delete" class="inline"><button type="submit" class="danger">${t('remove')}</button></form>
    <h2>${t('deliveries')}</h2>
    ${deliveries}
    <h2>${t('attempts')}</h2>
    ${attempts} ${pagingLinks(page, self, {}, view.attempts.cursor, view.attempts.nextCursor)}`;
  return consoleLayout(page, { title: t('title'), mission, current: 'webhooks', main });
}
