import type { ProblemDetails } from '#common';
import { html, type Html } from '../../kit/html.js';
import { translator, type Translate } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { consoleLayout } from '../console.layout.js';
import { errorSummary, field, type FieldErrors } from '../forms/form-field.js';
import type { ConsoleMission } from '../organiser-api.js';
import { valuesOf, type CategoryFormValues, type ConsoleCategory } from './categories.form.js';
import { categoriesMessages } from './categories.messages.js';

type CategoriesTranslate = Translate<keyof (typeof categoriesMessages)['en'] & string>;

export interface CategoriesView {
  mission: ConsoleMission;
  categories: ConsoleCategory[];
  saved?: string;
  removed?: string;
  /** A refused form: the category it was for (its code, or '' for a new one), its values as posted and the problems. */
  refused?: { code: string; values: CategoryFormValues; problem: ProblemDetails; errors: FieldErrors };
}

/** `/console/m/:missionId/categories`: each category's form, and one for a new category. */
export function categoriesPage(page: PageContext, view: CategoriesView): string {
  const t = translator(categoriesMessages, page.language);
  const refusedFor = (code: string) => (view.refused && view.refused.code === code ? view.refused : undefined);
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    ${view.saved ? html`<p class="notice notice--ok" role="status">${t('saved', { code: view.saved })}</p>` : ''}
    ${view.removed ? html`<p class="notice notice--ok" role="status">${t('removed', { code: view.removed })}</p>` : ''}
    ${view.categories.length === 0 ? html`<p>${t('none')}</p>` : ''}
    ${view.categories.map((category) => {
      const refused = refusedFor(category.code);
      const heading = `${Object.values(category.names)[0] ?? category.code} (${category.code})`;
      return html`<section class="category" aria-labelledby="category-${category.code}">
        <h2 id="category-${category.code}">${heading}</h2>
        <p class="muted">${category.capacity === null ? t('noCapacity') : t('seats', { capacity: category.capacity })}</p>
        ${categoryForm(view.mission.id, refused?.values ?? valuesOf(category), refused, t, false)}
        <form method="post" action="/console/m/${view.mission.id}/categories/remove">
          <input type="hidden" name="code" value="${category.code}" />
          <button type="submit" class="button--quiet">${t('remove')}</button>
        </form>
      </section>`;
    })}
    <section aria-labelledby="new-category">
      <h2 id="new-category">${t('newCategory')}</h2>
      ${categoryForm(view.mission.id, refusedFor('')?.values ?? emptyValues, refusedFor(''), t, true)}
    </section>`;
  return consoleLayout(page, { title: t('title'), mission: view.mission, current: 'categories', main });
}

const emptyValues: CategoryFormValues = {
  code: '',
  names: '',
  capacity: '',
  waitlist: 'true',
  approval: 'automatic',
  opensAt: '',
  closesAt: '',
  position: '0',
  questions: '[]',
};

function categoryForm(missionId: string, values: CategoryFormValues, refused: CategoriesView['refused'], t: CategoriesTranslate, creating: boolean): Html {
  const errors = refused?.errors ?? {};
  // Each form's fields carry its code, so that two forms on the page never share an id.
  const name = (field: string) => (creating ? `new.${field}` : `${values.code}.${field}`);
  const scoped: FieldErrors = Object.fromEntries(Object.entries(errors).map(([key, message]) => [key === '' ? '' : name(key), message]));
  const labels = Object.fromEntries(
    ['names', 'capacity', 'waitlist', 'approval', 'opensAt', 'closesAt', 'position', 'questions', 'code'].map((key) => [name(key), t(key as 'names')]),
  );
  return html`${refused ? errorSummary(refused.problem, scoped, t('notSaved'), labels) : ''}
    <form method="post" action="/console/m/${missionId}/categories" class="category-form">
      <input type="hidden" name="form" value="${creating ? 'new' : values.code}" />
      ${
        creating
          ? field({ name: name('code'), label: t('code'), hint: t('codeHint'), value: values.code, errors: scoped, required: true })
          : html`<input type="hidden" name="${name('code')}" value="${values.code}" />`
      }
      ${field({ name: name('names'), label: t('names'), hint: t('namesHint'), value: values.names, multiline: true, errors: scoped, required: true })}
      ${field({ name: name('capacity'), label: t('capacity'), hint: t('capacityHint'), value: values.capacity, type: 'number', errors: scoped, attributes: html`min="0"` })}
      ${field({
        name: name('waitlist'),
        label: t('waitlist'),
        value: values.waitlist,
        errors: scoped,
        choices: [
          { value: 'true', label: t('waitlistOn') },
          { value: 'false', label: t('waitlistOff') },
        ],
      })}
      ${field({
        name: name('approval'),
        label: t('approval'),
        value: values.approval,
        errors: scoped,
        choices: [
          { value: 'automatic', label: t('automatic') },
          { value: 'manual', label: t('manual') },
        ],
      })}
      ${field({ name: name('opensAt'), label: t('opensAt'), hint: t('momentHint'), value: values.opensAt, errors: scoped })}
      ${field({ name: name('closesAt'), label: t('closesAt'), hint: t('momentHint'), value: values.closesAt, errors: scoped })}
      ${field({ name: name('position'), label: t('position'), value: values.position, type: 'number', errors: scoped, attributes: html`min="0"` })}
      ${field({ name: name('questions'), label: t('questions'), hint: t('questionsHint'), value: values.questions, multiline: true, errors: scoped })}
      <button type="submit">${creating ? t('create') : t('save')}</button>
    </form>`;
}
