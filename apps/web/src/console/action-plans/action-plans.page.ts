import type { ProblemDetails } from '#common';
import { html, type Html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { actionPlanMessages } from '../../mission/action-plan.messages.js';
import { planSections, type ActionPlan } from '../../mission/action-plan.page.js';
import { consoleLayout } from '../console.layout.js';
import { errorSummary, field, type FieldErrors } from '../forms/form-field.js';
import type { ConsoleMission } from '../organiser-api.js';
import { CITY_ROWS } from './action-plan-forms.js';
import { consolePlanMessages } from './action-plans.messages.js';

/** A form of a plan's page that was refused: which, its problem, its errors by field, and what was typed. */
export interface RefusedForm {
  form: string;
  problem: ProblemDetails;
  errors: FieldErrors;
  fields: Record<string, string>;
}

const none: FieldErrors = {};

function hidden(idempotencyKey: string): Html {
  return html`<input type="hidden" name="idempotencyKey" value="${idempotencyKey}" />`;
}

/** `/console/m/:missionId/action-plans`: the mission's plans whatever their visibility, and a new one. */
export function planListPage(page: PageContext, mission: ConsoleMission, plans: ActionPlan[], idempotencyKey: string, refused?: RefusedForm): string {
  const t = translator(consolePlanMessages, page.language);
  const p = translator(actionPlanMessages, page.language);
  const errors = refused?.errors ?? none;
  const value = (name: string) => refused?.fields[name] ?? '';
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    <p><a href="/m/${mission.id}/action-plans">${t('publicPage')}</a></p>
    ${
      plans.length === 0
        ? html`<p>${t('none')}</p>`
        : html`<ul class="plan-list">
            ${plans.map(
              (plan) =>
                html`<li data-plan="${plan.id}">
                  <a href="/console/m/${mission.id}/action-plans/${plan.id}">${plan.title}</a>
                  <span class="muted"
                    >· ${plan.cities.map((city) => city.name).join(' – ')} · ${p(`status.${plan.status}`)} · ${t(`visibility.${plan.visibility}`)}</span
                  >
                </li>`,
            )}
          </ul>`
    }
    <h2 id="new-plan">${t('newPlan')}</h2>
    ${errorSummary(refused?.problem, errors, t('refused'))}
    <form method="post" action="/console/m/${mission.id}/action-plans">
      ${hidden(idempotencyKey)} ${field({ name: 'title', label: t('planTitle'), errors, value: value('title'), required: true })}
      ${field({
        name: 'scope',
        label: t('scope'),
        errors,
        value: value('scope') || 'city_pair',
        choices: (['city_pair', 'cluster'] as const).map((scope) => ({ value: scope, label: p(`scope.${scope}`) })),
      })}
      ${Array.from(
        { length: CITY_ROWS },
        (_, row) =>
          html`<fieldset class="city-row">
            ${field({ name: `cities.${row}.name`, label: t('city', { n: row + 1 }), errors, value: value(`cities.${row}.name`) })}
            ${field({ name: `cities.${row}.country`, label: t('country'), errors, value: value(`cities.${row}.country`), attributes: html`maxlength="2"` })}
          </fieldset>`,
      )}
      ${field({ name: 'theme', label: t('theme'), errors, value: value('theme') })}
      ${field({ name: 'summary', label: t('summary'), errors, value: value('summary'), multiline: true })}
      ${field({
        name: 'visibility',
        label: t('visibility'),
        errors,
        value: value('visibility') || 'organisers',
        choices: (['organisers', 'public'] as const).map((visibility) => ({ value: visibility, label: t(`visibility.${visibility}`) })),
      })}
      <button type="submit">${t('create')}</button>
    </form>`;
  return consoleLayout(page, { title: t('title'), main, mission, current: 'actionPlans' });
}

export interface PlanPageData {
  mission: ConsoleMission;
  plan: ActionPlan & { nextStatuses: string[] };
  mous: { id: string; reference: string; title: string }[];
  keys: Record<'project' | 'indicator' | 'report' | 'milestone', string>;
  saved?: boolean;
  refused?: RefusedForm;
}

/** `/console/m/:missionId/action-plans/:planId`: the plan with contact data, its moves, and forms for projects, indicators, progress and milestones. */
export function planPage(page: PageContext, data: PlanPageData): string {
  const t = translator(consolePlanMessages, page.language);
  const p = translator(actionPlanMessages, page.language);
  const { mission, plan, refused } = data;
  const base = `/console/m/${mission.id}/action-plans/${plan.id}`;
  const errorsOf = (form: string) => (refused?.form === form ? refused.errors : none);
  const valueOf = (form: string) => (name: string) => (refused?.form === form ? (refused.fields[name] ?? '') : '');
  const summaryOf = (form: string) => (refused?.form === form ? errorSummary(refused.problem, refused.errors, t('refused')) : '');
  const projects = plan.pilotProjects ?? [];
  const finished = plan.nextStatuses.length === 0;

  const project = valueOf('project');
  const milestone = valueOf('milestone');
  const main = html`<h1>${plan.title}</h1>
    ${data.saved ? html`<p class="notice" role="status">${t('saved')}</p>` : ''}
    <p>
      <a href="/console/m/${mission.id}/action-plans">${t('title')}</a
      >${plan.visibility === 'public' ? html` · <a href="/m/${mission.id}/action-plans/${plan.id}">${t('publicPage')}</a>` : ''}
    </p>
    ${planSections(page, plan, p)}
    <h2 id="lifecycle">${t('lifecycle')}</h2>
    ${summaryOf('status')}
    ${
      finished
        ? html`<p>${t('finished')}</p>`
        : html`<form method="post" action="${base}/status" class="plan-moves">
            ${plan.nextStatuses.map(
              (status) =>
                html`<button type="submit" name="status" value="${status}">${t('moveTo', { status: p(`status.${status}` as 'status.draft') })}</button> `,
            )}
          </form>`
    }
    ${
      finished
        ? ''
        : html`<h2 id="add-project">${t('addProject')}</h2>
            ${summaryOf('project')}
            <form method="post" action="${base}/pilot-projects">
              ${hidden(data.keys.project)}
              ${field({ name: 'title', label: t('projectTitle'), errors: errorsOf('project'), value: project('title'), required: true })}
              ${field({
                name: 'mouId',
                label: t('mou'),
                errors: errorsOf('project'),
                value: project('mouId'),
                choices: [{ value: '', label: t('noMou') }, ...data.mous.map((mou) => ({ value: mou.id, label: `${mou.reference} ${mou.title}` }))],
              })}
              ${field({ name: 'responsible.name', label: t('responsibleName'), errors: errorsOf('project'), value: project('responsible.name'), required: true })}
              ${field({ name: 'responsible.email', label: t('responsibleEmail'), type: 'email', errors: errorsOf('project'), value: project('responsible.email') })}
              ${field({ name: 'partners', label: t('partners'), errors: errorsOf('project'), value: project('partners'), multiline: true })}
              ${field({ name: 'means', label: t('means'), errors: errorsOf('project'), value: project('means'), multiline: true })}
              ${field({ name: 'budget.amount', label: t('budgetAmount'), type: 'number', errors: errorsOf('project'), value: project('budget.amount') })}
              ${field({ name: 'budget.currency', label: t('budgetCurrency'), errors: errorsOf('project'), value: project('budget.currency') || 'EUR' })}
              <button type="submit">${t('add')}</button>
            </form>
            ${projects.map((one) => {
              const form = `indicator:${one.id}`;
              const typed = valueOf(form);
              return html`<h3>${t('addIndicator', { project: one.title })}</h3>
                ${summaryOf(form)}
                <form method="post" action="${base}/pilot-projects/${one.id}/indicators" class="inline-form">
                  ${hidden(data.keys.indicator)}
                  ${field({ name: 'name', label: t('indicatorName'), errors: errorsOf(form), value: typed('name'), required: true })}
                  ${field({ name: 'unit', label: t('unit'), errors: errorsOf(form), value: typed('unit'), required: true })}
                  ${field({ name: 'baseline', label: t('baseline'), type: 'number', errors: errorsOf(form), value: typed('baseline'), attributes: html`step="any"` })}
                  ${field({ name: 'target', label: t('target'), type: 'number', errors: errorsOf(form), value: typed('target'), attributes: html`step="any"` })}
                  <button type="submit">${t('add')}</button>
                </form>
                ${one.indicators.map((indicator) => {
                  const reportForm = `report:${indicator.id}`;
                  const reported = valueOf(reportForm);
                  return html`<h4>${t('report', { indicator: indicator.name })}</h4>
                    ${summaryOf(reportForm)}
                    <form method="post" action="${base}/pilot-projects/${one.id}/indicators/${indicator.id}/reports" class="inline-form">
                      ${hidden(data.keys.report)}
                      ${field({ name: 'value', label: t('value'), type: 'number', errors: errorsOf(reportForm), value: reported('value'), attributes: html`step="any"` })}
                      ${field({ name: 'asOf', label: t('asOf'), type: 'date', errors: errorsOf(reportForm), value: reported('asOf') })}
                      ${field({ name: 'note', label: t('note'), errors: errorsOf(reportForm), value: reported('note') })}
                      <button type="submit">${t('add')}</button>
                    </form>`;
                })}`;
            })}
            <h2 id="add-milestone">${t('addMilestone')}</h2>
            <p class="muted">${t('reminders')}</p>
            ${summaryOf('milestone')}
            <form method="post" action="${base}/milestones">
              ${hidden(data.keys.milestone)}
              ${field({ name: 'title', label: t('milestoneTitle'), errors: errorsOf('milestone'), value: milestone('title'), required: true })}
              ${field({ name: 'dueOn', label: t('dueOn'), type: 'date', errors: errorsOf('milestone'), value: milestone('dueOn'), required: true })}
              ${field({ name: 'owner.name', label: t('ownerName'), errors: errorsOf('milestone'), value: milestone('owner.name'), required: true })}
              ${field({ name: 'owner.email', label: t('ownerEmail'), type: 'email', errors: errorsOf('milestone'), value: milestone('owner.email') })}
              ${field({
                name: 'pilotProjectId',
                label: t('project'),
                errors: errorsOf('milestone'),
                value: milestone('pilotProjectId'),
                choices: [{ value: '', label: t('noProject') }, ...projects.map((one) => ({ value: one.id, label: one.title }))],
              })}
              <button type="submit">${t('add')}</button>
            </form>`
    }`;
  return consoleLayout(page, { title: plan.title, main, mission, current: 'actionPlans' });
}
