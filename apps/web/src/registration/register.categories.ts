import { html, type Html } from '../kit/html.js';
import type { Language } from '../kit/language.js';

/** A question as registration's `GET /api/missions/:id/registration-form/categories` answers it, in the page's language where it has it. */
export interface FormQuestion {
  key: string;
  kind: 'text' | 'choice' | 'choices' | 'yes-no' | 'date';
  required: boolean;
  label: string;
  language: string;
  options: { value: string; label: string }[];
}

export interface FormCategory {
  code: string;
  name: string;
  language: string;
  window: 'open' | 'not-yet-open' | 'closed';
  approval: 'automatic' | 'manual';
  waitlist: boolean;
  questions: FormQuestion[];
}

/** The category part of a posted form: the category chosen, and the answers as typed, by `<category>.<question>`. */
export interface CategoryValues {
  category?: string;
  answers: Record<string, string | string[]>;
}

/** Each category's questions have fields of their own (`answers.<category>.<question>`), so switching category loses nothing typed. */
export const answerField = (category: string, key: string) => `answers.${category}.${key}`;

/** `Accept-Language` for registration: the page's language first, English after. */
export function acceptLanguageOf(language: Language): string {
  return language === 'zh' ? 'zh-CN,zh;q=0.9,en;q=0.5' : 'en';
}

export function readCategoryForm(body: Record<string, unknown>, categories: readonly FormCategory[]): CategoryValues {
  const answers: Record<string, string | string[]> = {};
  for (const category of categories)
    for (const question of category.questions) {
      const value = body[answerField(category.code, question.key)];
      if (typeof value === 'string') answers[`${category.code}.${question.key}`] = value;
      else if (Array.isArray(value)) answers[`${category.code}.${question.key}`] = value.filter((item): item is string => typeof item === 'string');
    }
  return { category: typeof body.category === 'string' && body.category !== '' ? body.category : undefined, answers };
}

/** The `category` and `answers` of registration's body: the chosen category's answers only, empty ones left out so that registration says what is missing. */
export function categoryBody(categories: readonly FormCategory[], values: CategoryValues): { category?: string; answers?: Record<string, unknown> } {
  if (categories.length === 0) return {};
  const chosen = categories.find((category) => category.code === values.category);
  if (!chosen) return values.category ? { category: values.category } : {};
  const answers: Record<string, unknown> = {};
  for (const question of chosen.questions) {
    const raw = values.answers[`${chosen.code}.${question.key}`];
    const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    const text = list[0]?.trim() ?? '';
    if (question.kind === 'choices') {
      if (list.length > 0) answers[question.key] = list;
    } else if (question.kind === 'yes-no') {
      if (text === 'yes' || text === 'no') answers[question.key] = text === 'yes';
    } else if (text !== '') answers[question.key] = text;
  }
  return { category: chosen.code, answers };
}

/** A problem's errors on the category and the answers (by `<category>.<question>` of the chosen one); the rest for the other fields. */
export function splitCategoryErrors(
  fieldErrors: Record<string, string>,
  category: string | undefined,
): { category?: string; answers: Record<string, string>; rest: Record<string, string> } {
  const answers: Record<string, string> = {};
  const rest: Record<string, string> = {};
  let onCategory: string | undefined;
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field === 'category') onCategory = message;
    else if (field.startsWith('answers.') && category) answers[`${category}.${field.slice('answers.'.length)}`] = message;
    else rest[field] = message;
  }
  return { ...(onCategory !== undefined ? { category: onCategory } : {}), answers, rest };
}

/** What the page needs said in its language. */
export interface CategoryTexts {
  category: string;
  categoryHint: string;
  questionsFor: (name: string) => string;
  required: string;
  optional: string;
  yes: string;
  no: string;
  /** The message shown for registration's message on an answer or the category. */
  error: (apiMessage: string, on: 'category' | FormQuestion['kind']) => string;
}

/**
 * The category choice and each category's questions. Without JavaScript every category's questions
 * are shown under its name; the page's script shows only the chosen one's.
 */
export function categoryFields(
  categories: readonly FormCategory[],
  values: CategoryValues,
  errors: { category?: string; answers: Record<string, string> },
  texts: CategoryTexts,
): Html {
  if (categories.length === 0) return html``;
  const open = categories.filter((category) => category.window === 'open');
  const categoryError = errors.category !== undefined ? texts.error(errors.category, 'category') : undefined;
  const fields = (category: FormCategory) =>
    category.questions.map((question) => questionField(category, question, values, errors.answers[`${category.code}.${question.key}`], texts));
  return html`<fieldset class="${categoryError ? 'field field--invalid' : 'field'}" id="f-category" data-category-choice>
      <legend>${texts.category} <span class="muted">(${texts.required})</span></legend>
      <span class="hint" id="f-category-hint">${texts.categoryHint}</span>
      ${categoryError ? html`<span class="field-error" id="f-category-error">${categoryError}</span>` : ''}
      ${open.map((category, index) =>
        choiceLine({
          type: 'radio',
          name: 'category',
          id: `f-category-${category.code}`,
          value: category.code,
          checked: values.category === category.code,
          extra: categoryError && index === 0 ? html` aria-invalid="true" aria-describedby="f-category-error"` : '',
          label: category.name,
          lang: category.language,
        }),
      )}
    </fieldset>
    ${open
      .filter((category) => category.questions.length > 0)
      .map(
        (category) =>
          html`<fieldset class="category-questions" data-category="${category.code}">
            <legend lang="${category.language}">${texts.questionsFor(category.name)}</legend>
            ${fields(category)}
          </fieldset>`,
      )}`;
}

function questionField(category: FormCategory, question: FormQuestion, values: CategoryValues, apiError: string | undefined, texts: CategoryTexts): Html {
  const name = answerField(category.code, question.key);
  const id = `f-${category.code}-${question.key}`;
  const value = values.answers[`${category.code}.${question.key}`];
  const chosen = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const error = apiError !== undefined ? texts.error(apiError, question.kind) : undefined;
  const described = error ? html` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const errorLine = error ? html`<span class="field-error" id="${id}-error">${error}</span>` : '';
  const need = html` <span class="muted">(${question.required ? texts.required : texts.optional})</span>`;
  const fieldClass = error ? 'field field--invalid' : 'field';
  if (question.kind === 'text' || question.kind === 'date')
    return html`<div class="${fieldClass}">
      <label for="${id}" lang="${question.language}">${question.label}</label>${need} ${errorLine}
      <input type="${question.kind}" id="${id}" name="${name}" value="${chosen[0] ?? ''}" ${described}${question.required ? html` aria-required="true"` : ''} />
    </div>`;
  const choices =
    question.kind === 'yes-no'
      ? [
          { value: 'yes', label: texts.yes },
          { value: 'no', label: texts.no },
        ]
      : question.options;
  const type = question.kind === 'choices' ? 'checkbox' : 'radio';
  return html`<fieldset class="${fieldClass}" id="${id}">
    <legend lang="${question.language}">${question.label}${need}</legend>
    ${errorLine}
    ${choices.map((choice, index) =>
      choiceLine({
        type,
        name,
        id: `${id}-${index}`,
        value: choice.value,
        checked: chosen.includes(choice.value),
        extra: index === 0 ? described : '',
        label: choice.label,
      }),
    )}
  </fieldset>`;
}

/** One radio button or checkbox with its label. */
function choiceLine(input: {
  type: 'radio' | 'checkbox';
  name: string;
  id: string;
  value: string;
  checked: boolean;
  extra: Html | '';
  label: string;
  lang?: string;
}): Html {
  return html`<div class="checkbox">
    <input type="${input.type}" name="${input.name}" id="${input.id}" value="${input.value}" ${input.checked ? html` checked` : ''}${input.extra} />
    <label for="${input.id}" ${input.lang ? html` lang="${input.lang}"` : ''}>${input.label}</label>
  </div>`;
}
