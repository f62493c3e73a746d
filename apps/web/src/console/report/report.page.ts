import { html, type Html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime } from '../../kit/time.js';
import { consoleLayout } from '../console.layout.js';
import { consoleMessages } from '../console.messages.js';
import type { ConsoleMission } from '../organiser-api.js';
import { reportMessages } from './report.messages.js';

interface Person {
  name: string;
}

interface ReportDelegation {
  delegationId: string;
  name: string;
  country: string;
  head: string | null;
  confirmed: number;
  members: Person[];
  subDelegations: ReportDelegation[];
}

interface ReportSession {
  sessionId: string;
  parentSessionId: string | null;
  title: string;
  startsAt: string;
  venue: string | null;
  cancelled: boolean;
  enrolled: number;
  waitlisted: number;
  attended: number;
}

/** What the page shows of the dashboard's `GET /api/missions/:id/report` (the dashboard's OpenAPI has all of it). */
export interface MissionReport {
  position: number;
  participants: { total: number; byStatus: Record<string, number>; checkedIn: number; byCategory: { code: string | null; confirmed: number; total: number }[] };
  delegations: ReportDelegation[];
  withoutDelegation: Person[];
  programme: ReportSession[];
  meetings: { held: number; noShow: number; list: { startsAt: string | null; requester: string[]; invitee: string[]; outcome: string | null }[] };
  mous: { signed: { reference: string; title: string; parties: { name: string; country: string }[] }[] };
  actionPlans: {
    title: string;
    cities: string[];
    status: string;
    pilotProjects: number;
    pilotProjectsWithMou: number;
    progress: { title: string; indicators: { name: string; unit: string; target: number; value: number; progress: number | null }[] }[];
  }[];
}

/** `/console/m/:missionId/report`: the dashboard's mission report, readable on a phone and printable. */
export function reportPage(page: PageContext, mission: ConsoleMission, report: MissionReport): string {
  const t = translator(reportMessages, page.language);
  const c = translator(consoleMessages, page.language);
  const at = (instant: string) => formatDateTime(instant, mission.timezone, page.language);
  const none = html`<p class="muted">${t('none')}</p>`;
  const table = (head: string[], rows: Html[]) =>
    rows.length === 0
      ? none
      : html`<div class="table-scroll">
          <table>
            <thead>
              <tr>
                ${head.map((cell) => html`<th scope="col">${cell}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
        </div>`;

  const delegationRow = (delegation: ReportDelegation, depth: number): Html[] => [
    html`<tr data-delegation="${delegation.delegationId}">
      <th scope="row" style="padding-inline-start: ${depth * 1.5 + 0.5}em">${delegation.name}</th>
      <td>${delegation.country}</td>
      <td>${delegation.head ?? ''}</td>
      <td>${delegation.confirmed}</td>
    </tr>`,
    // The members on a row of their own, across the table: a column of names would make every row tall on a phone.
    ...(delegation.members.length > 0
      ? [
          html`<tr class="members">
            <td colspan="4" style="padding-inline-start: ${depth * 1.5 + 0.5}em">
              ${t('members')}: ${delegation.members.map((member) => member.name).join(', ')}
            </td>
          </tr>`,
        ]
      : []),
    ...delegation.subDelegations.flatMap((sub) => delegationRow(sub, depth + 1)),
  ];
  const children = (parent: string | null) => report.programme.filter((session) => session.parentSessionId === parent);
  const known = new Set(report.programme.map((session) => session.sessionId));
  const sessionRow = (session: ReportSession, depth: number): Html[] => [
    html`<tr data-session="${session.sessionId}" ${session.cancelled ? html` class="cancelled"` : ''}>
      <th scope="row" style="padding-inline-start: ${depth * 1.5 + 0.5}em">${session.title}${session.cancelled ? html` (${t('cancelled')})` : ''}</th>
      <td>${at(session.startsAt)}</td>
      <td>${session.venue ?? ''}</td>
      <td>${session.enrolled}</td>
      <td>${session.waitlisted}</td>
      <td>${session.attended}</td>
    </tr>`,
    ...children(session.sessionId).flatMap((child) => sessionRow(child, depth + 1)),
  ];
  // A session whose parent the log does not hold is shown at the top level.
  const topSessions = report.programme.filter((session) => !session.parentSessionId || !known.has(session.parentSessionId));

  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    <section aria-labelledby="participants">
      <h2 id="participants">${t('participants')}</h2>
      <p>
        ${t('total')}: <strong>${report.participants.total}</strong> · ${t('confirmed')}: <strong>${report.participants.byStatus.confirmed ?? 0}</strong> ·
        ${t('checkedIn')}: <strong>${report.participants.checkedIn}</strong>
      </p>
      ${table(
        [t('category'), t('confirmed'), t('total')],
        report.participants.byCategory.map(
          (row) =>
            html`<tr>
              <th scope="row">${row.code ?? t('noCategory')}</th>
              <td>${row.confirmed}</td>
              <td>${row.total}</td>
            </tr>`,
        ),
      )}
    </section>
    <section aria-labelledby="delegations">
      <h2 id="delegations">${t('delegations')}</h2>
      ${table(
        [t('delegation'), t('country'), t('head'), t('confirmed')],
        report.delegations.flatMap((delegation) => delegationRow(delegation, 0)),
      )}
      ${report.withoutDelegation.length > 0 ? html`<p>${t('withoutDelegation')}: ${report.withoutDelegation.map((person) => person.name).join(', ')}</p>` : ''}
    </section>
    <section aria-labelledby="programme">
      <h2 id="programme">${t('programme')}</h2>
      ${table(
        [t('session'), t('when'), t('venue'), t('enrolled'), t('waitlisted'), t('attended')],
        topSessions.flatMap((session) => sessionRow(session, 0)),
      )}
    </section>
    <section aria-labelledby="meetings">
      <h2 id="meetings">${t('meetings')}</h2>
      <p>${t('meetingsHeld', { held: report.meetings.held, noShow: report.meetings.noShow })}</p>
      ${table(
        [t('when'), t('requester'), t('invitee'), t('outcome')],
        report.meetings.list.map(
          (meeting) =>
            html`<tr>
              <td>${meeting.startsAt ? at(meeting.startsAt) : ''}</td>
              <td>${meeting.requester.join(', ')}</td>
              <td>${meeting.invitee.join(', ')}</td>
              <td>${meeting.outcome === 'held' || meeting.outcome === 'no_show' ? t(`outcome_${meeting.outcome}`) : ''}</td>
            </tr>`,
        ),
      )}
    </section>
    <section aria-labelledby="mous">
      <h2 id="mous">${t('mous')}</h2>
      ${table(
        [t('reference'), t('mou'), t('parties')],
        report.mous.signed.map(
          (mou) =>
            html`<tr>
              <th scope="row">${mou.reference}</th>
              <td>${mou.title}</td>
              <td>${mou.parties.map((party) => `${party.name} (${party.country})`).join(', ')}</td>
            </tr>`,
        ),
      )}
    </section>
    <section aria-labelledby="action-plans">
      <h2 id="action-plans">${t('actionPlans')}</h2>
      ${table(
        [t('actionPlan'), t('status'), t('pilotProjects'), t('progress')],
        report.actionPlans.map(
          (plan) =>
            html`<tr>
              <th scope="row">${plan.title} <span class="muted">(${plan.cities.join(' – ')})</span></th>
              <td>${plan.status}</td>
              <td>${t('pilotProjectsCount', { count: plan.pilotProjects, withMou: plan.pilotProjectsWithMou })}</td>
              <td>
                ${plan.progress.map(
                  (project) =>
                    html`<p>
                      <strong>${project.title}</strong>:
                      ${project.indicators
                        .map(
                          (indicator) =>
                            `${indicator.name} ${indicator.value}/${indicator.target} ${indicator.unit}${indicator.progress === null ? '' : ` (${Math.round(indicator.progress * 100)}%)`}`,
                        )
                        .join('; ')}
                    </p>`,
                )}
              </td>
            </tr>`,
        ),
      )}
    </section>
    <p class="muted">${t('asOf', { position: report.position })} ${c('timesIn', { zone: mission.timezone })}</p>`;
  return consoleLayout(page, { title: t('title'), mission, current: 'report', main });
}
