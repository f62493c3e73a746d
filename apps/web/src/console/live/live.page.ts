import { eventTypes } from '#contracts';
import { html, type Html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { consoleLayout } from '../console.layout.js';
import { consoleMessages } from '../console.messages.js';
import type { ConsoleMission } from '../organiser-api.js';
import { signInPath } from '../sign-in/sign-in.page.js';
import { liveMessages } from './live.messages.js';

const registrationStatuses = ['pending_approval', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;

/** What the live page shows of the dashboard's summary (`GET /api/missions/:id/summary`). */
export interface LiveSummary {
  position: number;
  registrations: {
    total: number;
    checkedIn: number;
    byStatus: Record<string, number>;
    byDelegation: { delegation: string | null; total: number; byStatus: Record<string, number> }[];
  };
  mous: { total: number; byStatus: Record<string, number> };
  notifications: { sent: number; failed: number };
  meetings: { requested: number; scheduled: number; held: number };
}

/** The counters, alone: the page's first view and what its script fetches again as events arrive (`…/live/counters`). */
export function liveCounters(page: PageContext, summary: LiveSummary): Html {
  const t = translator(liveMessages, page.language);
  const c = translator(consoleMessages, page.language);
  const figure = (name: string, label: string, value: number) =>
    html`<div class="figure">
      <dt>${label}</dt>
      <dd data-counter="${name}">${value}</dd>
    </div>`;
  const { registrations } = summary;
  return html`<div id="counters" class="counters" data-position="${summary.position}">
    <section class="counter-card" aria-labelledby="counters-registrations">
      <h2 id="counters-registrations">${t('registrations')}</h2>
      <dl class="figures">
        ${figure('total', t('inAll'), registrations.total)}
        ${registrationStatuses.map((status) => figure(status, c(`status_${status}`), registrations.byStatus[status] ?? 0))}
        ${figure('checkedIn', t('checkedIn'), registrations.checkedIn)}
      </dl>
    </section>
    <section class="counter-card" aria-labelledby="counters-delegations">
      <h2 id="counters-delegations">${t('byDelegation')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${t('delegation')}</th>
            <th scope="col">${t('confirmedOf')}</th>
            <th scope="col">${t('inAll')}</th>
          </tr>
        </thead>
        <tbody>
          ${registrations.byDelegation.map(
            (row) =>
              html`<tr>
                <th scope="row">${row.delegation ?? t('noDelegation')}</th>
                <td>${row.byStatus.confirmed ?? 0}</td>
                <td>${row.total}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section class="counter-card" aria-labelledby="counters-more">
      <h2 id="counters-more">${t('meetings')} · ${t('mous')} · ${t('emails')}</h2>
      <dl class="figures">
        ${figure('meetingsRequested', `${t('meetings')}: ${t('requested')}`, summary.meetings.requested)}
        ${figure('meetingsScheduled', `${t('meetings')}: ${t('scheduled')}`, summary.meetings.scheduled)}
        ${figure('meetingsHeld', `${t('meetings')}: ${t('held')}`, summary.meetings.held)} ${figure('mous', t('mous'), summary.mous.total)}
        ${figure('emailsSent', `${t('emails')}: ${t('sent')}`, summary.notifications.sent)}
        ${figure('emailsFailed', `${t('emails')}: ${t('failed')}`, summary.notifications.failed)}
      </dl>
    </section>
  </div>`;
}

/** The words the script needs, in the page's language: each event type's label and the stream's states. */
function scriptTexts(page: PageContext): Record<string, unknown> {
  const t = translator(liveMessages, page.language);
  const labels: Record<string, string> = {};
  for (const type of eventTypes) {
    const key = `event_${type.replace(/\./g, '_')}` as Parameters<typeof t>[0];
    labels[type] = key in liveMessages.en ? t(key) : type;
  }
  return { labels, live: t('live'), reconnecting: t('reconnecting'), stopped: t('stopped'), connecting: t('connecting') };
}

/**
 * `/console/m/:missionId`: the counters as of loading, then (`live.client.ts`) the mission's
 * events as they happen through the dashboard's stream, and the counters again after each.
 */
export function livePage(page: PageContext, mission: ConsoleMission, summary: LiveSummary, currentPath: string): string {
  const t = translator(liveMessages, page.language);
  const main = html`<h1>${t('title')}</h1>
    ${liveCounters(page, summary)}
    <section
      class="events"
      aria-labelledby="events-heading"
      data-live-mission="${mission.id}"
      data-live-types="${JSON.stringify(eventTypes)}"
      data-live-texts="${JSON.stringify(scriptTexts(page))}"
      data-live-locale="${page.locale}"
    >
      <h2 id="events-heading">${t('events')}</h2>
      <p id="stream-status" class="stream-status" role="status">${t('noScript')}</p>
      <p id="stream-stopped" class="notice notice--error" hidden>
        ${t('stopped')} <a href="${signInPath({ next: currentPath, ended: true })}">${t('signInAgain')}</a>
      </p>
      <ol id="events" class="event-list"></ol>
    </section>`;
  return consoleLayout(page, { title: t('title'), mission, current: 'live', main, scripts: ['console/live/live.client.ts'] });
}
