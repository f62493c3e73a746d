import { html, type Html } from '../kit/html.js';
import { layout } from '../kit/layout.js';
import { translator, type Translate } from '../kit/messages.js';
import type { PageContext } from '../kit/page-context.js';
import { formatDate } from '../kit/time.js';
import { actionPlanMessages } from './action-plan.messages.js';
import type { Mission } from './mission.api.js';

type PlanTranslate = Translate<keyof (typeof actionPlanMessages)['en'] & string>;

interface Person {
  name: string;
  email?: string | null;
}

/** An action plan as the MoU registry answers it (to anyone for a public plan: names, no addresses). */
export interface ActionPlan {
  id: string;
  missionId: string | null;
  title: string;
  scope: 'city_pair' | 'cluster';
  cities: { name: string; country: string }[];
  theme: string | null;
  summary: string | null;
  visibility: 'public' | 'organisers';
  status: 'draft' | 'submitted' | 'approved' | 'in_implementation' | 'closed' | 'withdrawn';
  authors?: (Person & { role: string; organisation: string | null })[];
  pilotProjects?: {
    id: string;
    title: string;
    mouId: string | null;
    mouReference: string | null;
    responsible: Person;
    partners: string[];
    means: string | null;
    budget: { amount: number; currency: string } | null;
    budgetSources: { source: string; amount: number }[];
    status: 'planned' | 'running' | 'completed' | 'cancelled';
    indicators: {
      id: string;
      name: string;
      unit: string;
      baseline: number;
      target: number;
      latest: number | null;
      progress: number | null;
      reports: { value: number; asOf: string; note: string | null }[];
    }[];
  }[];
  milestones?: { id: string; title: string; dueOn: string; owner: Person; completedAt: string | null }[];
}

function money(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** The plan's content, shared by the public page and the console's: stacked sections that read on a phone as on a desk. */
export function planSections(page: PageContext, plan: ActionPlan, t: PlanTranslate = translator(actionPlanMessages, page.language)): Html {
  const locale = page.locale;
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  return html`
    <p>
      <strong>${t(`scope.${plan.scope}`)}</strong> · ${plan.cities.map((city) => `${city.name} (${city.country})`).join(' – ')}
      ${plan.theme ? html` · ${t('theme')}: ${plan.theme}` : ''} · ${t('status')}: <span data-status="${plan.status}">${t(`status.${plan.status}`)}</span>
    </p>
    ${plan.summary ? html`<p>${plan.summary}</p>` : ''}
    ${
      plan.authors?.length
        ? html`<h2>${t('authors')}</h2>
            <ul class="plan-authors">
              ${plan.authors.map(
                (author) =>
                  html`<li>
                    ${author.name}${author.organisation ? html`, ${author.organisation}` : ''}
                    <span class="muted">(${t(`role.${author.role}` as 'role.other')})</span>
                  </li>`,
              )}
            </ul>`
        : ''
    }
    <h2>${t('pilotProjects')}</h2>
    ${
      plan.pilotProjects?.length
        ? plan.pilotProjects.map(
            (project) =>
              html`<section class="plan-project" data-project="${project.id}">
                <h3>${project.title} <span class="muted">· ${t(`project.${project.status}`)}</span></h3>
                <p class="muted">${project.mouReference ? t('mou', { reference: project.mouReference }) : t('noMou')}</p>
                <dl>
                  ${
                    project.responsible.name
                      ? html`<dt>${t('responsible')}</dt>
                          <dd>${project.responsible.name}${project.responsible.email ? html` &lt;${project.responsible.email}&gt;` : ''}</dd>`
                      : ''
                  }
                  ${
                    project.partners.length
                      ? html`<dt>${t('partners')}</dt>
                          <dd>${project.partners.join('; ')}</dd>`
                      : ''
                  }
                  ${
                    project.means
                      ? html`<dt>${t('means')}</dt>
                          <dd>${project.means}</dd>`
                      : ''
                  }
                  ${
                    project.budget
                      ? html`<dt>${t('budget')}</dt>
                          <dd>
                            ${money(project.budget.amount, project.budget.currency, locale)}
                            ${
                              project.budgetSources.length
                                ? html`<br /><span class="muted"
                                      >${t('sources')}:
                                      ${project.budgetSources.map((source) => `${source.source} ${money(source.amount, project.budget!.currency, locale)}`).join('; ')}</span
                                    >`
                                : ''
                            }
                          </dd>`
                      : ''
                  }
                </dl>
                ${project.indicators.map(
                  (indicator) =>
                    html`<div class="plan-indicator" data-indicator="${indicator.id}">
                      <p>
                        <strong>${indicator.name}</strong> (${indicator.unit}): ${t('baseline')} ${number(indicator.baseline)} → ${t('target')}
                        ${number(indicator.target)} ${indicator.latest === null ? '' : html` · ${t('latest')} ${number(indicator.latest)}`}
                      </p>
                      ${
                        indicator.progress === null
                          ? ''
                          : html`<progress max="100" value="${Math.round(indicator.progress * 100)}" aria-label="${t('progress')}">
                                ${Math.round(indicator.progress * 100)}%
                              </progress>
                              ${Math.round(indicator.progress * 100)}%`
                      }
                      ${
                        indicator.reports.length
                          ? html`<ul class="muted">
                              ${indicator.reports.map(
                                (report) =>
                                  html`<li>
                                    ${formatDate(report.asOf, page.language)}: ${number(report.value)}${report.note ? html` · ${report.note}` : ''}
                                  </li>`,
                              )}
                            </ul>`
                          : ''
                      }
                    </div>`,
                )}
              </section>`,
          )
        : html`<p>${t('noProjects')}</p>`
    }
    ${
      plan.milestones?.length
        ? html`<h2>${t('milestones')}</h2>
            <ul class="plan-milestones">
              ${plan.milestones.map(
                (milestone) =>
                  html`<li data-milestone="${milestone.id}">
                    ${formatDate(milestone.dueOn, page.language)}: ${milestone.title} · ${t('owner')}: ${milestone.owner.name} ·
                    ${milestone.completedAt ? t('done') : t('open')}
                  </li>`,
              )}
            </ul>`
        : ''
    }
  `;
}

/** `/m/:missionId/action-plans/:planId`: a public plan, for anyone, on a phone as on a desk (the registry's answer alone: no other service is asked). */
export function actionPlanPage(page: PageContext, missionId: string, plan: ActionPlan): string {
  const t = translator(actionPlanMessages, page.language);
  const main = html`<article class="action-plan">
    <h1>${plan.title}</h1>
    ${planSections(page, plan, t)}
    <p><a href="/m/${missionId}/action-plans">${t('allPlans')}</a> · <a href="/m/${missionId}">${t('back')}</a></p>
  </article>`;
  return layout(page, { title: plan.title, main });
}

/** `/m/:missionId/action-plans`: the mission's public plans. */
export function actionPlansPage(page: PageContext, mission: Mission, plans: ActionPlan[]): string {
  const t = translator(actionPlanMessages, page.language);
  const title = t('plansTitle', { mission: mission.title });
  const main = html`<h1>${title}</h1>
    <p>${t('plansIntro')}</p>
    ${
      plans.length === 0
        ? html`<p>${t('noPlans')}</p>`
        : html`<ul class="plan-list">
            ${plans.map(
              (plan) =>
                html`<li>
                  <a href="/m/${mission.id}/action-plans/${plan.id}">${plan.title}</a>
                  <span class="muted">· ${plan.cities.map((city) => city.name).join(' – ')} · ${t(`status.${plan.status}`)}</span>
                </li>`,
            )}
          </ul>`
    }
    <p><a href="/m/${mission.id}">${t('back')}</a></p>`;
  return layout(page, { title, main });
}
