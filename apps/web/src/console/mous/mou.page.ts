import type { ProblemDetails } from '#common';
import { html, type Html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDate, formatDateTime } from '../../kit/time.js';
import { consoleLayout } from '../console.layout.js';
import { errorSummary, field, type FieldErrors } from '../forms/form-field.js';
import type { ConsoleMission } from '../organiser-api.js';
import { nextStatuses, takesVersions } from './mou-lifecycle.rules.js';
import type { FormFields } from './mou-form.js';
import { mousMessages } from './mous.messages.js';
import type { MousTranslate } from './mous.page.js';
import { pilotProjectStatuses, type MouForm } from './mou-record-forms.js';
import type { MouRecord } from './mous.service.js';

/** What was just done, said once above the page after its redirect. */
export type MouDone = 'created' | 'moved' | 'visibilitySet' | 'uploaded' | 'projectAdded' | 'milestoneAdded' | 'completed';

export interface MouPageView {
  mission: ConsoleMission;
  record: MouRecord;
  /** A fresh Idempotency-Key for each form that creates something. */
  keys: Record<'version' | 'project' | 'milestone', string>;
  done?: MouDone;
  /** The form that was refused, with what was typed in it and its errors. */
  refused?: { form: MouForm; problem: ProblemDetails; errors: FieldErrors; fields: FormFields };
}

/** `/console/m/:missionId/mous/:mouId`: the record, its lifecycle moves, versions, follow-up and history, each a plain form. */
export function mouPage(page: PageContext, view: MouPageView): string {
  const t = translator(mousMessages, page.language);
  const { mou, pilotProjects, milestones, history } = view.record;
  const base = `/console/m/${view.mission.id}/mous/${mou.id}`;
  const refusedHere = (form: MouForm) => (view.refused?.form === form ? view.refused : undefined);
  const errorsOf = (form: MouForm) => refusedHere(form)?.errors ?? {};
  const typed = (form: MouForm, name: string, fallback = '') => refusedHere(form)?.fields[name] ?? fallback;
  const done =
    view.done === 'moved'
      ? t('moved', { status: t(`status.${mou.status}`) })
      : view.done === 'uploaded'
        ? t('uploaded', { number: mou.versions?.at(-1)?.version ?? '' })
        : view.done
          ? t(view.done)
          : '';
  const moves = nextStatuses(mou.status);
  const zone = view.mission.timezone;
  const projectsById = new Map(pilotProjects.map((project) => [project.id, project]));

  const main = html`<h1>${mou.title}</h1>
    <p><a href="/console/m/${view.mission.id}/mous">${t('backToList')}</a></p>
    ${done ? html`<p class="notice notice--ok" role="status">${done}</p>` : ''}
    <dl class="mou-record">
      <dt>${t('reference')}</dt>
      <dd>${mou.reference}</dd>
      <dt>${t('status')}</dt>
      <dd id="mou-status">${t(`status.${mou.status}`)}</dd>
      <dt>${t('visibility')}</dt>
      <dd>${t(`visibility.${mou.visibility}`)}</dd>
      ${
        mou.themes.length
          ? html`<dt>${t('themes')}</dt>
              <dd>${mou.themes.join(', ')}</dd>`
          : ''
      }
      <dt>${t('parties')}</dt>
      <dd>
        <ul>
          ${mou.parties.map((party) => html`<li>${party.name} (${t(`kind.${party.kind}`)}, ${party.country}${party.city ? `, ${party.city}` : ''})</li>`)}
        </ul>
      </dd>
      ${
        mou.signedOn
          ? html`<dt>${t('signed')}</dt>
              <dd>${formatDate(mou.signedOn, page.language)}${mou.signedPlace ? `, ${mou.signedPlace}` : ''}</dd>`
          : ''
      }
      <dt>${t('validity')}</dt>
      <dd>
        ${t('validFromTo', {
          from: mou.validity.entryIntoForceOn ? formatDate(mou.validity.entryIntoForceOn, page.language) : t('notSet'),
          to: mou.validity.expiresOn ? formatDate(mou.validity.expiresOn, page.language) : t('notSet'),
        })}
      </dd>
    </dl>
    ${Object.keys(mou.summary).length ? html`<h2>${t('summary')}</h2>` : ''}
    ${Object.entries(mou.summary).map(([language, text]) => html`<p class="mou-summary" lang="${language}">${text}</p>`)}

    <section aria-labelledby="signatories-heading">
      <h2 id="signatories-heading">${t('signatories')}</h2>
      ${
        mou.signatories?.length
          ? html`<ul>
              ${mou.signatories.map((signatory) => html`<li>${signatory.name ?? t('erased')}, ${signatory.title}, ${t('signsFor', { party: signatory.party })}</li>`)}
            </ul>`
          : html`<p>${t('noSignatories')}</p>`
      }
    </section>

    <section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">${t('lifecycle')}</h2>
      <p>${t('lifecycleNow', { status: t(`status.${mou.status}`) })}</p>
      ${
        moves.length === 0
          ? html`<p>${t('lifecycleEnd')}</p>`
          : html`${errorSummary(refusedHere('status')?.problem, errorsOf('status'), t('notMoved'), { signedOn: t('signedOn'), signedPlace: t('signedPlace'), reason: t('reason') })}
              <form method="post" action="${base}/status">
                <fieldset class="field${errorsOf('status').status ? ' field--invalid' : ''}">
                  <legend>${t('moveTo')}</legend>
                  ${moves.map(
                    (status, index) =>
                      html`<div class="checkbox">
                        <input
                          type="radio"
                          id="move-${status}"
                          name="status"
                          value="${status}"
                          ${typed('status', 'status', moves[0]) === status || (index === 0 && !typed('status', 'status')) ? html` checked` : ''}
                        /><label for="move-${status}">${t(`status.${status}`)}</label>
                      </div>`,
                  )}
                  ${errorsOf('status').status ? html`<span class="field-error">${errorsOf('status').status}</span>` : ''}
                </fieldset>
                ${
                  moves.includes('signed')
                    ? html`<p class="hint">${t('signingHint')}</p>
                        ${field({ name: 'signedOn', label: t('signedOn'), type: 'date', value: typed('status', 'signedOn', mou.signedOn ?? ''), errors: errorsOf('status') })}
                        ${field({ name: 'signedPlace', label: t('signedPlace'), value: typed('status', 'signedPlace', mou.signedPlace ?? ''), errors: errorsOf('status') })}`
                    : ''
                }
                ${field({ name: 'reason', label: t('reason'), value: typed('status', 'reason'), multiline: true, errors: errorsOf('status') })}
                <button type="submit">${t('move')}</button>
              </form>`
      }
    </section>

    <section aria-labelledby="visibility-heading">
      <h2 id="visibility-heading">${t('visibility')}</h2>
      ${errorSummary(refusedHere('visibility')?.problem, errorsOf('visibility'), t('visibilityNotSet'))}
      <form method="post" action="${base}/visibility">
        ${field({
          name: 'visibility',
          label: t('visibilityChoice'),
          value: mou.visibility,
          errors: errorsOf('visibility'),
          choices: [
            { value: 'organisers', label: t('visibility.organisers') },
            { value: 'public', label: t('visibility.public') },
          ],
        })}
        <button type="submit">${t('setVisibility')}</button>
      </form>
    </section>

    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">${t('versions')}</h2>
      ${
        mou.versions?.length
          ? html`<ul class="versions">
              ${mou.versions.map(
                (version) =>
                  html`<li>
                    ${t('version', { number: version.version })} · ${version.language} ·
                    ${t('bytes', { size: version.size })}${version.amendment ? html` · ${t('amendment')}` : ''}${
                      version.signed ? html` · ${t('signedVersion', { on: formatDate(version.signed.on, page.language), place: version.signed.place })}` : ''
                    }
                    · <time datetime="${version.addedAt}">${formatDateTime(version.addedAt, zone, page.language)}</time> ·
                    <a href="/api/mous/${mou.id}/versions/${version.version}/document">${t('download', { number: version.version })}</a>
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('noVersions')}</p>`
      }
      ${
        takesVersions(mou.status)
          ? html`<h3 id="upload-heading">${t('upload')}</h3>
              <p class="hint">${t('uploadHint')}</p>
              ${errorSummary(refusedHere('version')?.problem, errorsOf('version'), t('notUploaded'), { document: t('document'), language: t('language') })}
              <form method="post" action="${base}/versions" enctype="multipart/form-data" aria-labelledby="upload-heading">
                <input type="hidden" name="idempotencyKey" value="${view.keys.version}" />
                ${field({ name: 'document', label: t('document'), type: 'file', errors: errorsOf('version'), required: true, attributes: html`accept=".pdf,.docx,.txt,application/pdf,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"` })}
                ${field({ name: 'language', label: t('language'), hint: t('languageHint'), value: typed('version', 'language', page.language), errors: errorsOf('version'), required: true, attributes: html`maxlength="35"` })}
                <button type="submit">${t('uploadButton')}</button>
              </form>`
          : html`<p>${t('closed')}</p>`
      }
    </section>

    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading">${t('pilotProjects')}</h2>
      ${
        pilotProjects.length
          ? html`<div class="table-scroll" role="region" aria-labelledby="projects-heading" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t('projectTitle')}</th>
                    <th scope="col">${t('leadParty')}</th>
                    <th scope="col">${t('budget')}</th>
                    <th scope="col">${t('projectStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${pilotProjects.map(
                    (project) =>
                      html`<tr>
                        <th scope="row">${project.title}</th>
                        <td>${project.leadParty}</td>
                        <td>
                          ${
                            project.budget
                              ? new Intl.NumberFormat(page.locale, { style: 'currency', currency: project.budget.currency }).format(project.budget.amount)
                              : ''
                          }
                        </td>
                        <td>${t(`project.${project.status}`)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>${t('noPilotProjects')}</p>`
      }
      <h3 id="add-project-heading">${t('addProject')}</h3>
      ${errorSummary(refusedHere('project')?.problem, errorsOf('project'), t('notAdded'))}
      <form method="post" action="${base}/pilot-projects" aria-labelledby="add-project-heading">
        <input type="hidden" name="idempotencyKey" value="${view.keys.project}" />
        ${field({ name: 'project.title', label: t('projectTitle'), value: typed('project', 'project.title'), errors: errorsOf('project'), required: true })}
        ${field({
          name: 'project.leadParty',
          label: t('leadParty'),
          value: typed('project', 'project.leadParty'),
          errors: errorsOf('project'),
          choices: mou.parties.map((party) => ({ value: party.name, label: party.name })),
        })}
        ${field({ name: 'project.budget.amount', label: t('budgetAmount'), type: 'number', value: typed('project', 'project.budget.amount'), errors: errorsOf('project'), attributes: html`min="0" step="any"` })}
        ${field({ name: 'project.budget.currency', label: t('currency'), hint: t('currencyHint'), value: typed('project', 'project.budget.currency', 'EUR'), errors: errorsOf('project'), attributes: html`autocapitalize="characters"` })}
        ${field({
          name: 'project.status',
          label: t('projectStatus'),
          value: typed('project', 'project.status', 'planned'),
          errors: errorsOf('project'),
          choices: pilotProjectStatuses.map((status) => ({ value: status, label: t(`project.${status}`) })),
        })}
        <button type="submit">${t('addProject')}</button>
      </form>
    </section>

    <section aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">${t('milestones')}</h2>
      ${errorSummary(refusedHere('complete')?.problem, errorsOf('complete'), t('notCompleted'))}
      ${
        milestones.length
          ? html`<div class="table-scroll" role="region" aria-labelledby="milestones-heading" tabindex="0">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t('milestoneTitle')}</th>
                    <th scope="col">${t('dueOn')}</th>
                    <th scope="col">${t('owner')}</th>
                    <th scope="col">${t('ofProject')}</th>
                    <th scope="col">${t('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${milestones.map(
                    (milestone) =>
                      html`<tr>
                        <th scope="row">${milestone.title}</th>
                        <td>${formatDate(milestone.dueOn, page.language)}</td>
                        <td>${milestone.owner.name}${milestone.owner.email ? html`<br /><span class="muted">${milestone.owner.email}</span>` : ''}</td>
                        <td>${milestone.pilotProjectId ? (projectsById.get(milestone.pilotProjectId)?.title ?? '') : ''}</td>
                        <td>
                          ${
                            milestone.completedAt
                              ? t('completedOn', { on: formatDateTime(milestone.completedAt, zone, page.language) })
                              : html`<form method="post" action="${base}/milestones/${milestone.id}/complete">
                                  <button type="submit">${t('complete', { title: milestone.title })}</button>
                                </form>`
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>${t('noMilestones')}</p>`
      }
      <h3 id="add-milestone-heading">${t('addMilestone')}</h3>
      ${errorSummary(refusedHere('milestone')?.problem, errorsOf('milestone'), t('notAdded'))}
      <form method="post" action="${base}/milestones" aria-labelledby="add-milestone-heading">
        <input type="hidden" name="idempotencyKey" value="${view.keys.milestone}" />
        ${field({ name: 'milestone.title', label: t('milestoneTitle'), value: typed('milestone', 'milestone.title'), errors: errorsOf('milestone'), required: true })}
        ${field({ name: 'milestone.dueOn', label: t('dueOn'), type: 'date', value: typed('milestone', 'milestone.dueOn'), errors: errorsOf('milestone'), required: true })}
        ${field({ name: 'milestone.owner.name', label: t('ownerName'), value: typed('milestone', 'milestone.owner.name'), errors: errorsOf('milestone'), required: true })}
        ${field({ name: 'milestone.owner.email', label: t('ownerEmail'), type: 'email', value: typed('milestone', 'milestone.owner.email'), errors: errorsOf('milestone') })}
        ${field({
          name: 'milestone.pilotProjectId',
          label: t('ofProject'),
          value: typed('milestone', 'milestone.pilotProjectId'),
          errors: errorsOf('milestone'),
          choices: [{ value: '', label: t('noProject') }, ...pilotProjects.map((project) => ({ value: project.id, label: project.title }))],
        })}
        <button type="submit">${t('addMilestone')}</button>
      </form>
    </section>

    <section aria-labelledby="history-heading">
      <h2 id="history-heading">${t('history')}</h2>
      <p>${t('historyIntro')}</p>
      <div class="table-scroll" role="region" aria-labelledby="history-heading" tabindex="0">
        <table class="history">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">${t('at')}</th>
              <th scope="col">${t('action')}</th>
              <th scope="col">${t('actor')}</th>
            </tr>
          </thead>
          <tbody>
            ${history.map(
              (entry) =>
                html`<tr>
                  <td>${entry.seq}</td>
                  <td><time datetime="${entry.at}">${formatDateTime(entry.at, zone, page.language)}</time></td>
                  <td>${historyAction(t, entry.action, entry.details)}</td>
                  <td>${entry.actor}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  return consoleLayout(page, { title: mou.title, mission: view.mission, current: 'mous', main });
}

const knownActions = new Set([
  'created',
  'updated',
  'status_changed',
  'version_added',
  'amendment_signed',
  'pilot_project_added',
  'pilot_project_updated',
  'milestone_added',
  'milestone_completed',
  'milestone_due',
]);

/** An entry of the trail in words: the action, and for a move, from which status to which. */
function historyAction(t: MousTranslate, action: string, details: Record<string, unknown>): Html {
  const name = knownActions.has(action) ? t(`action.${action}` as Parameters<MousTranslate>[0]) : action;
  const status = (value: unknown) => (typeof value === 'string' && /^[a-z_]+$/.test(value) ? t(`status.${value}` as Parameters<MousTranslate>[0]) : '');
  if (action === 'status_changed' && details.from && details.to) return html`${name}: ${status(details.from)} → ${status(details.to)}`;
  if (action === 'version_added' && typeof details.version === 'number') return html`${name}: ${t('version', { number: details.version })}`;
  return html`${name}`;
}
