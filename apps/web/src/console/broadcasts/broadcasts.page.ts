import { html, type Html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime } from '../../kit/time.js';
import { consoleLayout, consolePath } from '../console.layout.js';
import { consoleMessages } from '../console.messages.js';
import type { ConsoleMission } from '../organiser-api.js';
import { broadcastsMessages } from './broadcasts.messages.js';

export const mailLanguages = ['en', 'zh', 'es', 'ca', 'it', 'de'] as const;
const languageNames: Record<(typeof mailLanguages)[number], string> = { en: 'English', zh: '中文', es: 'Español', ca: 'Català', it: 'Italiano', de: 'Deutsch' };
export const audienceTypes = ['mission', 'delegations', 'categories', 'session', 'meetings'] as const;
const registrationStatuses = ['confirmed', 'pending_approval', 'waitlisted'] as const;

/** A broadcast as notifications answers it (`GET /api/missions/:id/broadcasts`). */
export interface BroadcastItem {
  id: string;
  status: 'scheduled' | 'sent' | 'cancelled';
  texts: Partial<Record<string, { subject: string; body: string }>>;
  defaultLanguage: string;
  sendAt: string;
  recipients: number | null;
  figures: { queued: number; pending: number; sent: number; failed: number; bounced: number };
}

export interface BroadcastPreview {
  recipients: number;
  languages: Partial<Record<string, number>>;
  items: { registrationId: string; name: string; language: string; delegation: string | null }[];
}

/** The form as the organiser filled it in (kept across a preview). */
export type BroadcastForm = Record<string, string | string[] | undefined>;

export interface BroadcastsView {
  mission: ConsoleMission;
  items: BroadcastItem[];
  form: BroadcastForm;
  preview?: BroadcastPreview;
  notice?: { ok: boolean; text: string };
}

/** `/console/m/:missionId/broadcasts`: write (preview, send now or at a time), watch and cancel broadcasts. */
export function broadcastsPage(page: PageContext, view: BroadcastsView): string {
  const t = translator(broadcastsMessages, page.language);
  const c = translator(consoleMessages, page.language);
  const { mission, form } = view;
  const base = consolePath(mission.id, 'broadcasts');
  const value = (name: string) => {
    const found = form[name];
    return Array.isArray(found) ? (found[0] ?? '') : (found ?? '');
  };
  const checked = (name: string, option: string, byDefault: boolean) => {
    const found = form[name];
    const values = found === undefined ? (byDefault ? [option] : []) : [found].flat();
    return values.includes(option) ? html` checked` : '';
  };
  const audienceType = value('audienceType') || 'mission';

  const notice = view.notice ? html`<p class="notice ${view.notice.ok ? 'notice--ok' : 'notice--error'}" role="status">${view.notice.text}</p>` : '';
  const preview = view.preview ? previewSection(page, view.preview) : '';
  const texts = mailLanguages.map(
    (language) =>
      html`<fieldset class="broadcast-text" lang="${language}">
        <legend>${languageNames[language]}</legend>
        <div class="field">
          <label for="subject_${language}">${t('subject')}</label
          ><input id="subject_${language}" name="subject_${language}" maxlength="200" value="${value(`subject_${language}`)}" />
        </div>
        <div class="field">
          <label for="body_${language}">${t('body')}</label
          ><textarea id="body_${language}" name="body_${language}" rows="4">${value(`body_${language}`)}</textarea>
        </div>
      </fieldset>`,
  );
  const writeForm = html`<form method="post" action="${base}" class="broadcast-form">
    <h2>${t('write')}</h2>
    <fieldset>
      <legend>${t('audience')}</legend>
      ${audienceTypes.map(
        (type) =>
          html`<div class="choice">
            <input type="radio" id="audience_${type}" name="audienceType" value="${type}" ${audienceType === type ? html` checked` : ''} /><label
              for="audience_${type}"
              >${t(`audience_${type}`)}</label
            >
          </div>`,
      )}
      <div class="field">
        <label for="delegationIds">${t('delegationIds')}</label><input id="delegationIds" name="delegationIds" value="${value('delegationIds')}" />
      </div>
      <div class="field"><label for="categories">${t('categories')}</label><input id="categories" name="categories" value="${value('categories')}" /></div>
      <div class="field"><label for="sessionId">${t('sessionId')}</label><input id="sessionId" name="sessionId" value="${value('sessionId')}" /></div>
      <div class="choice">
        <input type="checkbox" id="enrolled" name="enrolment" value="enrolled" ${checked('enrolment', 'enrolled', true)} /><label for="enrolled"
          >${t('enrolled')}</label
        >
      </div>
      <div class="choice">
        <input type="checkbox" id="waitlisted" name="enrolment" value="waitlisted" ${checked('enrolment', 'waitlisted', true)} /><label for="waitlisted"
          >${t('waitlisted')}</label
        >
      </div>
      <div class="field"><label for="from">${t('from')}</label><input type="datetime-local" id="from" name="from" value="${value('from')}" /></div>
      <div class="field"><label for="to">${t('to')}</label><input type="datetime-local" id="to" name="to" value="${value('to')}" /></div>
    </fieldset>
    <fieldset>
      <legend>${t('statuses')}</legend>
      ${registrationStatuses.map(
        (status) =>
          html`<div class="choice">
            <input type="checkbox" id="status_${status}" name="statuses" value="${status}" ${checked('statuses', status, status === 'confirmed')} /><label
              for="status_${status}"
              >${c(`status_${status}`)}</label
            >
          </div>`,
      )}
    </fieldset>
    <fieldset>
      <legend>${t('texts')}</legend>
      <p class="muted">${t('textsHint')}</p>
      <div class="field">
        <label for="defaultLanguage">${t('defaultLanguage')}</label>
        <select id="defaultLanguage" name="defaultLanguage">
          ${mailLanguages.map((language) => html`<option value="${language}" ${(value('defaultLanguage') || 'en') === language ? html` selected` : ''}>${languageNames[language]}</option>`)}
        </select>
      </div>
      ${texts}
    </fieldset>
    <div class="field"><label for="sendAt">${t('sendAt')}</label><input type="datetime-local" id="sendAt" name="sendAt" value="${value('sendAt')}" /></div>
    <div class="filters__actions">
      <button type="submit" name="action" value="preview" class="button--quiet">${t('preview')}</button>
      <button type="submit" name="action" value="send">${t('send')}</button>
    </div>
  </form>`;
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    ${notice} ${preview} ${listSection(page, mission, base, view.items)} ${writeForm}
    <p class="muted">${c('timesIn', { zone: mission.timezone })}</p>`;
  return consoleLayout(page, { title: t('title'), mission, current: 'broadcasts', main });
}

function previewSection(page: PageContext, preview: BroadcastPreview): Html {
  const t = translator(broadcastsMessages, page.language);
  const languages = Object.entries(preview.languages)
    .map(([language, count]) => `${language}: ${count}`)
    .join(' · ');
  return html`<section class="broadcast-preview" aria-labelledby="preview-title">
    <h2 id="preview-title">${t('previewTitle')}: ${t('previewCount', { count: preview.recipients })}</h2>
    <p>${t('previewLanguages')}: ${languages}</p>
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">${t('name')}</th>
            <th scope="col">${t('language')}</th>
            <th scope="col">${t('delegation')}</th>
          </tr>
        </thead>
        <tbody>
          ${preview.items.map(
            (item) =>
              html`<tr>
                <td>${item.name}</td>
                <td>${item.language}</td>
                <td>${item.delegation ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${preview.recipients > preview.items.length ? html`<p class="muted">${t('more', { count: preview.recipients - preview.items.length })}</p>` : ''}
  </section>`;
}

function listSection(page: PageContext, mission: ConsoleMission, base: string, items: readonly BroadcastItem[]): Html {
  const t = translator(broadcastsMessages, page.language);
  const rows = items.map((item) => {
    const text = item.texts[item.defaultLanguage];
    const { queued, sent, failed, bounced } = item.figures;
    return html`<tr data-status="${item.status}">
      <td>${text?.subject ?? ''}</td>
      <td><span class="status status--${item.status}">${t(`status_${item.status}`)}</span></td>
      <td>${formatDateTime(item.sendAt, mission.timezone, page.language)}</td>
      <td>${item.recipients ?? ''}</td>
      <td class="broadcast-figures">${queued} · ${sent} · ${failed} · ${bounced}</td>
      <td>
        ${
          item.status === 'scheduled'
            ? html`<form method="post" action="${base}/${item.id}/cancel"><button type="submit" class="button--quiet">${t('cancel')}</button></form>`
            : ''
        }
      </td>
    </tr>`;
  });
  return html`<section aria-labelledby="list-title">
    <h2 id="list-title">${t('list')}</h2>
    ${
      items.length === 0
        ? html`<p>${t('none')}</p>`
        : html`<div class="table-scroll">
            <table class="broadcasts">
              <thead>
                <tr>
                  <th scope="col">${t('subjectColumn')}</th>
                  <th scope="col">${t('status')}</th>
                  <th scope="col">${t('when')}</th>
                  <th scope="col">${t('recipients')}</th>
                  <th scope="col">${t('figures')}</th>
                  <th scope="col"></th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>
          </div>`
    }
    <p><a href="${base}">${t('refresh')}</a></p>
  </section>`;
}

/** The instant a wall-clock time (`2019-06-10T07:30`, a datetime-local field) names in `zone`; undefined when it is not one. */
export function instantIn(local: string, zone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment, found from the guess and corrected once (a change of offset in between moves it).
  let instant = wall - offsetOf(wall, zone);
  instant = wall - offsetOf(instant, zone);
  return new Date(instant).toISOString();
}

function offsetOf(instant: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}
