import type { ProblemDetails } from '#common';
import { html, type Html } from '../../kit/html.js';
import { translator, type Translate } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime } from '../../kit/time.js';
import { consoleLayout } from '../console.layout.js';
import { errorSummary, field, idOf, type FieldErrors } from '../forms/form-field.js';
import type { ConsoleMission } from '../organiser-api.js';
import { momentIn, spanIn } from '../programme/programme.page.js';
import type { ConsoleSession } from '../programme/programme.service.js';
import { matchmakingMessages } from './matchmaking.messages.js';
import type { ConsoleMeeting, ConsoleRun } from './matchmaking.service.js';

type MatchmakingTranslate = Translate<keyof (typeof matchmakingMessages)['en'] & string>;

/** What both matchmaking pages show: the meetings, and who and where they are. */
export interface MeetingsView {
  mission: ConsoleMission;
  meetings: ConsoleMeeting[];
  blocks: Map<string, ConsoleSession>;
  names: Map<string, string>;
}

export interface MatchmakingView extends MeetingsView {
  idempotencyKey: string;
  form?: { rebuild: boolean; limit: string };
  problem?: ProblemDetails;
  errors?: FieldErrors;
}

/** `/console/m/:missionId/matchmaking`: start a run (a plain form post with its Idempotency-Key), and the meetings placed so far. */
export function matchmakingPage(page: PageContext, view: MatchmakingView): string {
  const t = translator(matchmakingMessages, page.language);
  const errors = view.errors ?? {};
  const rebuildError = errors.rebuild;
  const main = html`<h1>${t('title')}</h1>
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">${t('start')}</h2>
      <p>${t('startIntro')}</p>
      ${errorSummary(view.problem, errors, t('notStarted'))}
      <form method="post" action="/console/m/${view.mission.id}/matchmaking/runs">
        <input type="hidden" name="idempotencyKey" value="${view.idempotencyKey}" />
        <div class="field checkbox${rebuildError ? ' field--invalid' : ''}">
          <input
            type="checkbox"
            id="${idOf('rebuild')}"
            name="rebuild"
            value="true"
            aria-describedby="${idOf('rebuild')}-hint"
            ${view.form?.rebuild ? html` checked` : ''}
          />
          <label for="${idOf('rebuild')}">${t('rebuild')}</label>
          <span class="hint" id="${idOf('rebuild')}-hint">${t('rebuildHint')}</span>
          ${rebuildError ? html`<span class="field-error">${rebuildError}</span>` : ''}
        </div>
        ${field({
          name: 'limitPerParticipant',
          label: t('limit'),
          hint: t('limitHint'),
          type: 'number',
          value: view.form?.limit,
          errors,
          attributes: html`min="1" max="100" inputmode="numeric"`,
        })}
        <button type="submit">${t('startButton')}</button>
      </form>
    </section>
    ${meetingsSection(page, view, t)}`;
  return consoleLayout(page, { title: t('title'), mission: view.mission, current: 'matchmaking', main, scripts: ['kit/visitor-time.client.ts'] });
}

export interface RunView extends MeetingsView {
  run: ConsoleRun;
  /** The run was already under way when the organiser asked for another. */
  alreadyRunning?: boolean;
}

/** `/console/m/:missionId/matchmaking/runs/:runId`: the run's status while it works, then its result in words and tables. */
export function runPage(page: PageContext, view: RunView): string {
  const t = translator(matchmakingMessages, page.language);
  const { run } = view;
  const zone = view.mission.timezone;
  const working = run.status === 'queued' || run.status === 'running';
  const options = [run.rebuild ? t('rebuilt') : t('kept_places'), run.limitPerParticipant ? t('limitOf', { limit: run.limitPerParticipant }) : '']
    .filter(Boolean)
    .join(', ');
  const result = run.result;
  const meetingsById = new Map(view.meetings.map((meeting) => [meeting.id, meeting]));
  const main = html`<h1>${t('run')}</h1>
    <p><a href="/console/m/${view.mission.id}/matchmaking">${t('backToMatchmaking')}</a></p>
    ${view.alreadyRunning ? html`<p class="notice" role="status">${t('inProgress')}</p>` : ''}
    <dl class="run" data-run-status="${run.status}">
      <dt>${t('started')}</dt>
      <dd><time datetime="${run.createdAt}">${formatDateTime(run.createdAt, zone, page.language)} (${zone})</time></dd>
      <dt>${t('options')}</dt>
      <dd>${options}</dd>
      <dt>${t('status')}</dt>
      <dd id="run-status">${t(`status.${run.status}`)}</dd>
      ${
        working && run.progress
          ? html`<dt>${t('progress')}</dt>
              <dd lang="en">${run.progress}</dd>`
          : ''
      }
    </dl>
    ${working ? html`<p><a class="button" href="/console/m/${view.mission.id}/matchmaking/runs/${run.id}" id="check-again">${t('checkAgain')}</a></p>` : ''}
    ${run.status === 'failed' ? html`<p class="notice notice--error" role="alert">${t('failed', { error: run.error ?? '' })}</p>` : ''}
    ${
      result
        ? html`<section aria-labelledby="result-heading">
              <h2 id="result-heading">${t('result')}</h2>
              <table class="counts">
                <tbody>
                  <tr>
                    <th scope="row">${t('scheduled')}</th>
                    <td data-count="scheduled">${result.scheduled}</td>
                  </tr>
                  <tr>
                    <th scope="row">${t('kept')}</th>
                    <td>${result.kept}</td>
                  </tr>
                  <tr>
                    <th scope="row">${t('moved')}</th>
                    <td>${result.moved}</td>
                  </tr>
                  <tr>
                    <th scope="row">${t('cancelled')}</th>
                    <td>${result.cancelled}</td>
                  </tr>
                  <tr>
                    <th scope="row">${t('timetables')}</th>
                    <td>${result.timetablesPublished}</td>
                  </tr>
                </tbody>
              </table>
              <h3 id="unscheduled-heading">${t('unscheduled')}</h3>
              ${
                result.unscheduled.length === 0
                  ? html`<p>${t('noneUnscheduled')}</p>`
                  : html`<div class="table-scroll" role="region" aria-labelledby="unscheduled-heading" tabindex="0">
                      <table class="unscheduled">
                        <thead>
                          <tr>
                            <th scope="col">${t('between')}</th>
                            <th scope="col">${t('reason')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${result.unscheduled.map(({ meetingId, reason }) => {
                            const meeting = meetingsById.get(meetingId);
                            return html`<tr>
                              <td>${meeting ? pair(view, meeting, t) : meetingId}</td>
                              <td>${t(`reason.${reason}`)}</td>
                            </tr>`;
                          })}
                        </tbody>
                      </table>
                    </div>`
              }
            </section>
            ${meetingsSection(page, view, t)}`
        : ''
    }`;
  return consoleLayout(page, {
    title: t('run'),
    mission: view.mission,
    current: 'matchmaking',
    main,
    scripts: working ? ['console/matchmaking/run.client.ts'] : ['kit/visitor-time.client.ts'],
  });
}

function pair(view: MeetingsView, meeting: ConsoleMeeting, t: MatchmakingTranslate): string {
  const name = (id: string) => view.names.get(id) ?? t('unknownParticipant');
  // A group meeting names everyone on each side.
  const side = (which: 'requester' | 'invitee', lead: string) => {
    const team = (meeting.attendees ?? []).filter((attendee) => attendee.side === which).map((attendee) => attendee.registrationId);
    return (team.length ? team : [lead]).map(name).join(', ');
  };
  return t('and', { requester: side('requester', meeting.requesterId), invitee: side('invitee', meeting.inviteeId) });
}

function meetingsSection(page: PageContext, view: MeetingsView, t: MatchmakingTranslate): Html {
  const placed = view.meetings
    .filter((meeting) => meeting.status === 'accepted' && meeting.slot)
    .sort((a, b) => a.slot!.startsAt.localeCompare(b.slot!.startsAt) || a.slot!.table - b.slot!.table);
  const waiting = view.meetings.filter((meeting) => meeting.status === 'requested').length;
  return html`<section aria-labelledby="meetings-heading">
    <h2 id="meetings-heading">${t('meetings')}</h2>
    ${waiting > 0 ? html`<p>${t('requested', { count: waiting })}</p>` : ''}
    ${
      placed.length === 0
        ? html`<p>${t('noMeetings')}</p>`
        : html`<div class="table-scroll" role="region" aria-labelledby="meetings-heading" tabindex="0">
            <table class="meetings">
              <thead>
                <tr>
                  <th scope="col">${t('when')}</th>
                  <th scope="col">${t('yourTime')}</th>
                  <th scope="col">${t('block')}</th>
                  <th scope="col">${t('table')}</th>
                  <th scope="col">${t('between')}</th>
                </tr>
              </thead>
              <tbody>
                ${placed.map((meeting) => {
                  const slot = meeting.slot!;
                  const block = view.blocks.get(slot.blockId);
                  const zone = block?.timezone ?? view.mission.timezone;
                  return html`<tr data-meeting="${meeting.id}">
                    <td>${spanIn(slot.startsAt, slot.endsAt, zone, page)}</td>
                    <td>
                      <time datetime="${slot.startsAt}" data-visitor-time>${momentIn(slot.startsAt, 'UTC', page)} </time> (<span data-visitor-zone>UTC</span>)
                    </td>
                    <td>${block ? html`${block.title}${block.venue ? html`<br /><span class="muted">${block.venue.name}</span>` : ''}` : ''}</td>
                    <td>${t('tableNumber', { number: slot.table })}</td>
                    <td>${pair(view, meeting, t)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}
