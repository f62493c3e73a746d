import { html, type Html } from '../kit/html.js';
import { layout } from '../kit/layout.js';
import { translator, type Translate } from '../kit/messages.js';
import type { PageContext } from '../kit/page-context.js';
import { formatDate, formatDateTime } from '../kit/time.js';
import {
  delegationChoices,
  countriesIn,
  fieldMessage,
  formFields,
  mailLanguages,
  organisationTypes,
  timeZones,
  type FormField,
  type FormValues,
  type RegistrationForm,
} from './register.form.js';
import { categoryFields, type CategoryValues, type FormCategory } from './register.categories.js';
import { registerMessages } from './register.messages.js';

type Key = Parameters<Translate<keyof (typeof registerMessages)['en']>>[0];

export interface FormState {
  values: FormValues;
  idempotencyKey: string;
  errors: Partial<Record<FormField, string>>;
  /** Errors that belong to no field (a service away, the body). */
  general: string[];
  /** The e-mail address is registered already: say so beside it, with the way back to the registration. */
  alreadyRegistered?: boolean;
  /** The category chosen and the answers typed, and registration's errors on them (see register.categories.ts). */
  categoryValues?: CategoryValues;
  categoryErrors?: { category?: string; answers: Record<string, string> };
}

const SCRIPT = 'registration/register.client.ts';

/** `/m/:missionId/register`: the form, with the errors of a post beside their fields and the values kept. */
export function registerPage(page: PageContext, form: RegistrationForm, state: FormState, categories: readonly FormCategory[] = []): string {
  const t = translator(registerMessages, page.language);
  const title = t('title', { mission: form.title });
  const id = (field: FormField) => `f-${field.replace('.', '-')}`;
  const firstInvalid = (Object.keys(state.errors) as FormField[]).sort((a, b) => order(a) - order(b))[0];
  const message = (field: FormField): string | undefined => {
    if (field === 'email' && state.alreadyRegistered) return t('alreadyRegistered');
    const server = state.errors[field];
    if (server === undefined) return undefined;
    // In the visitor's language where the catalogue has the problem; else registration's own words.
    const known = fieldMessage(field, server);
    return known ? t(`error.${known.key}`, known.parameters) : server;
  };
  const describedBy = (field: FormField, hint: boolean) =>
    [message(field) ? `${id(field)}-error` : '', hint ? `${id(field)}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const attributes = (field: FormField, hint = false) =>
    html`id="${id(field)}"
    name="${field}"${describedBy(field, hint) ? html` aria-describedby="${describedBy(field, hint)}"` : ''}${
      message(field) ? html` aria-invalid="true"` : ''
    }${field === firstInvalid ? html` autofocus` : ''}`;
  const errorLine = (field: FormField) =>
    message(field)
      ? html`<span class="field-error" id="${id(field)}-error"
          >${message(field)}${field === 'email' && state.alreadyRegistered ? html` <a href="/m/${form.missionId}/link">${t('sendLink')}</a>` : ''}</span
        >`
      : '';
  const fieldClass = (field: FormField) => (message(field) ? 'field field--invalid' : 'field');
  const label = (field: FormField, key: Key, required: boolean) =>
    html`<label for="${id(field)}">${t(key)} <span class="muted">(${required ? t('required') : t('optional')})</span></label>`;
  const text = (field: FormField, key: Key, options: { required?: boolean; type?: string; autocomplete?: string; hint?: Key } = {}) =>
    html`<div class="${fieldClass(field)}">
      ${label(field, key, options.required ?? true)} ${options.hint ? html`<span class="hint" id="${id(field)}-hint">${t(options.hint)}</span>` : ''}
      ${errorLine(field)}
      <input
        type="${options.type ?? 'text'}"
        ${attributes(field, Boolean(options.hint))}
        value="${state.values[field] ?? ''}"
        ${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.required === false ? '' : html` required aria-required="true"`}
      />
    </div>`;
  const select = (
    field: FormField,
    key: Key,
    choices: { value: string; label: string; lang?: string }[],
    options: { required?: boolean; hint?: Key; extra?: Html } = {},
  ) =>
    html`<div class="${fieldClass(field)}">
      ${label(field, key, options.required ?? true)} ${options.hint ? html`<span class="hint" id="${id(field)}-hint">${t(options.hint)}</span>` : ''}
      ${errorLine(field)}
      <select ${attributes(field, Boolean(options.hint))}${options.required === false ? '' : html` required aria-required="true"`}${options.extra ?? ''}>
        ${choices.map((choice) => option(choice, choice.value === (state.values[field] ?? '')))}
      </select>
    </div>`;

  const defaults: FormValues = { preferredLanguage: page.language === 'zh' ? 'zh-CN' : 'en', timezone: form.timezone };
  const timezoneKept = state.values.timezone !== undefined;
  state = { ...state, values: { ...defaults, ...state.values } };
  const categoryErrors = state.categoryErrors ?? { answers: {} };
  const answerError = (message: string, on: 'category' | FormCategory['questions'][number]['kind']) => {
    if (on === 'category')
      return message === 'category-full' ? t('error.categoryFull') : message === 'category-closed' ? t('error.categoryClosed') : t('error.category');
    if (message === 'is required') return t('error.answerRequired');
    if (on === 'date') return t('error.answerDate');
    if (on === 'choice' || on === 'choices') return t('error.answerChoice');
    return message;
  };
  const categorySummary = [
    ...(categoryErrors.category !== undefined ? [{ href: 'f-category', text: answerError(categoryErrors.category, 'category') }] : []),
    ...Object.entries(categoryErrors.answers).map(([answer, message]) => {
      const [code, key] = answer.split('.') as [string, string];
      const question = categories.find((category) => category.code === code)?.questions.find((candidate) => candidate.key === key);
      return { href: `f-${code}-${key}`, text: `${question?.label ?? key}: ${answerError(message, question?.kind ?? 'text')}` };
    }),
  ];
  const errorCount = Object.keys(state.errors).length + (state.alreadyRegistered ? 1 : 0) + categorySummary.length;

  const main = html`
    <h1>${title}</h1>
    <p>${formatDate(form.startsOn, page.language)} – ${formatDate(form.endsOn, page.language)}</p>
    ${
      errorCount > 0 || state.general.length > 0
        ? html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">${t('errorSummary')}</h2>
            <ul>
              ${formFields.filter((field) => message(field)).map((field) => html`<li><a href="#${id(field)}">${message(field)}</a></li>`)}
              ${categorySummary.map((error) => html`<li><a href="#${error.href}">${error.text}</a></li>`)}
              ${state.general.map((detail) => html`<li>${t('errorGeneral', { detail })}</li>`)}
            </ul>
          </div>`
        : ''
    }
    <p>${t('intro')}</p>
    ${form.approval === 'manual' ? html`<p class="notice">${t('manual')}</p>` : ''}
    <form method="post" action="/m/${form.missionId}/register" novalidate data-register-form data-submitting="${t('submitting')}">
      <input type="hidden" name="idempotencyKey" value="${state.idempotencyKey}" />
      ${text('givenName', 'givenName', { autocomplete: 'given-name' })} ${text('familyName', 'familyName', { autocomplete: 'family-name' })}
      ${text('email', 'email', { type: 'email', autocomplete: 'email', hint: 'emailHint' })}
      ${select(
        'preferredLanguage',
        'preferredLanguage',
        mailLanguages.map((language) => ({ value: language.tag, label: language.name, lang: language.tag })),
      )}
      ${select(
        'timezone',
        'timezone',
        timeZones.map((zone) => ({ value: zone, label: zone })),
        { hint: 'timezoneHint', extra: html` data-browser-time-zone="${timezoneKept ? 'keep' : 'default'}"` },
      )}
      ${text('organisation.name', 'organisationName', { autocomplete: 'organization' })}
      ${select('organisation.type', 'organisationType', [
        { value: '', label: t('choose') },
        ...organisationTypes.map((type) => ({ value: type, label: t(`type.${type}`) })),
      ])}
      ${select('organisation.country', 'organisationCountry', [
        { value: '', label: t('choose') },
        ...countriesIn(page.locale).map((country) => ({ value: country.code, label: country.name })),
      ])}
      ${text('organisation.city', 'organisationCity', { required: false, autocomplete: 'address-level2' })}
      ${
        form.delegations.length > 0
          ? select('delegation', 'delegation', [{ value: '', label: t('delegationNone') }, ...delegationChoices(form)], {
              required: false,
              hint: 'delegationHint',
            })
          : text('delegation', 'delegation', { required: false, hint: 'delegationHint' })
      }
      ${categoryFields(categories, state.categoryValues ?? { answers: {} }, categoryErrors, {
        category: t('category'),
        categoryHint: t('categoryHint'),
        questionsFor: (category) => t('questionsFor', { category }),
        required: t('required'),
        optional: t('optional'),
        yes: t('yes'),
        no: t('no'),
        error: answerError,
      })}
      <fieldset class="${fieldClass('consent.dataProcessing')}">
        <legend>${t('consentLegend')} <span class="muted">(${t('required')})</span></legend>
        ${errorLine('consent.dataProcessing')}
        <div class="checkbox">
          <input
            type="checkbox"
            value="true"
            ${attributes('consent.dataProcessing')}${state.values['consent.dataProcessing'] === 'true' ? html` checked` : ''}
            required
            aria-required="true"
          />
          <label for="${id('consent.dataProcessing')}">${t('consent')}</label>
        </div>
      </fieldset>
      <p><button type="submit">${t('submit')}</button></p>
    </form>
    <p><a href="/m/${form.missionId}">${t('backToMission')}</a></p>
  `;
  return layout(page, { title: errorCount > 0 ? `${t('errorSummary')}: ${title}` : title, main, scripts: [SCRIPT] });
}

/** One line each, and no `value` where it is the label (the zones): the lists are most of the page's bytes. */
function option(choice: { value: string; label: string; lang?: string }, selected: boolean): Html {
  const value = choice.value === choice.label ? '' : html` value="${choice.value}"`;
  // prettier-ignore
  return html`<option${value}${choice.lang ? html` lang="${choice.lang}"` : ''}${selected ? html` selected` : ''}>${choice.label}</option>`;
}

const order = (field: FormField) => formFields.indexOf(field);

export type Outcome =
  | { kind: 'confirmed' | 'pending_approval'; email: string }
  | { kind: 'waitlisted'; email: string; position: number | null }
  | { kind: 'closed' | 'not-yet-open'; opensAt: string | null; closesAt: string | null };

/** What happened to the registration (or why there is no form): one heading, one paragraph, the way on. */
export function outcomePage(
  page: PageContext,
  form: Pick<RegistrationForm, 'missionId' | 'title' | 'timezone'>,
  outcome: Outcome,
  registered: boolean,
): string {
  const t = translator(registerMessages, page.language);
  const mission = form.title;
  const when = (instant: string | null) => (instant ? formatDateTime(instant, form.timezone, page.language, { dateStyle: 'long', timeStyle: 'short' }) : '');
  const [title, text] = ((): [string, string] => {
    switch (outcome.kind) {
      case 'confirmed':
        return [t('confirmedTitle'), t('confirmed', { mission, email: outcome.email })];
      case 'waitlisted':
        return [t('waitlistedTitle'), t('waitlisted', { position: outcome.position ?? '?', email: outcome.email })];
      case 'pending_approval':
        return [t('pendingTitle'), t('pending', { email: outcome.email })];
      case 'not-yet-open':
        return [t('notOpenTitle'), t('notOpen', { mission, opensAt: when(outcome.opensAt) })];
      case 'closed':
        return [t('closedTitle'), outcome.closesAt ? t('closed', { mission, closesAt: when(outcome.closesAt) }) : t('closedNoDate', { mission })];
    }
  })();
  const main = html`
    <div class="notice ${registered ? 'notice--ok' : ''}" data-outcome="${outcome.kind}">
      <h1 tabindex="-1" data-focus-on-load>${title}</h1>
      <p>${text}</p>
    </div>
    ${registered ? html`<p><a class="button" href="/p/">${t('yourPages')}</a></p>` : ''}
    <p><a href="/m/${form.missionId}">${t('backToMission')}</a></p>
  `;
  return layout(page, { title, main, scripts: [SCRIPT] });
}
