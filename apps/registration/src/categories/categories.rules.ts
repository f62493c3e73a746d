import type { Answer, Answers } from '../seats/registration.js';
import { SeatRules, type RegistrationWindow } from '../seats/seats.rules.js';
import type { Category, Localised, Question } from './category.js';

export interface AnswerError {
  /** The body path of the answer, `answers.<key>`, as a validation problem names a field. */
  field: string;
  message: string;
}

export type Checked = { ok: true; answers: Answers } | { ok: false; errors: AnswerError[] };

export type Choice<C> = { ok: true; category: C | null } | { ok: false; reason: 'category-required' | 'unknown-category' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_TEXT = 2000;

/**
 * A mission's registration categories: which one a form names, whether it is open, whether its
 * answers hold, and in which language to show it. Plain code, tested without Nest or a database.
 */
export class CategoryRules {
  /** The category a form names: required when the mission has categories; none (and null) when it has none. */
  static choose<C extends { code: string }>(categories: readonly C[], code: string | undefined): Choice<C> {
    if (categories.length === 0) return code === undefined ? { ok: true, category: null } : { ok: false, reason: 'unknown-category' };
    if (code === undefined) return { ok: false, reason: 'category-required' };
    const category = categories.find((candidate) => candidate.code === code);
    return category ? { ok: true, category } : { ok: false, reason: 'unknown-category' };
  }

  /** A category takes registrations inside its own window, which the mission's window also bounds. */
  static window(category: Pick<Category, 'opensAt' | 'closesAt'>, now: Date): RegistrationWindow {
    return SeatRules.window(category, now);
  }

  /**
   * The answers checked against the category's questions: each question's problem on its own,
   * an answer to no question refused too; the answers kept are the ones given, trimmed.
   */
  static check(questions: readonly Question[], given: Readonly<Record<string, unknown>> | undefined): Checked {
    const answers: Answers = {};
    const errors: AnswerError[] = [];
    const input = given ?? {};
    const keys = new Set(questions.map((question) => question.key));
    for (const key of Object.keys(input)) if (!keys.has(key)) errors.push({ field: `answers.${key}`, message: 'is not a question of this category' });
    for (const question of questions) {
      const raw = Object.hasOwn(input, question.key) ? input[question.key] : undefined;
      const result = checkOne(question, raw);
      if (result === undefined) continue;
      if (typeof result === 'object' && 'error' in result) errors.push({ field: `answers.${question.key}`, message: result.error });
      else answers[question.key] = result;
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, answers };
  }

  /**
   * The language to show texts in: the first of `Accept-Language` (by weight, then order) that the
   * texts have, exactly or by its primary subtag; else `fallback` if they have it; else their first.
   */
  static language(available: readonly string[], acceptLanguage: string | undefined, fallback = 'en'): string {
    const wanted = parseAcceptLanguage(acceptLanguage);
    const lower = available.map((tag) => tag.toLowerCase());
    for (const range of wanted) {
      const exact = lower.indexOf(range);
      if (exact >= 0) return available[exact]!;
      const primary = range.split('-')[0]!;
      const sameLanguage = lower.findIndex((tag) => tag === primary || tag.split('-')[0] === primary);
      if (sameLanguage >= 0) return available[sameLanguage]!;
    }
    if (available.includes(fallback)) return fallback;
    return available[0] ?? fallback;
  }

  /** A text in the language chosen for `acceptLanguage` (see `language`). */
  static text(texts: Localised, acceptLanguage: string | undefined): string {
    return texts[CategoryRules.language(Object.keys(texts), acceptLanguage)] ?? '';
  }

  /** The CSV's columns for the mission's questions: `<category code>.<question key>`, categories in form order. */
  static csvColumns(categories: readonly Pick<Category, 'code' | 'questions'>[]): string[] {
    return categories.flatMap((category) => category.questions.map((question) => `${category.code}.${question.key}`));
  }

  /** An answer as one CSV cell: several options joined by `; `, yes/no as `yes`/`no`. */
  static csvValue(answer: Answer | undefined): string | null {
    if (answer === undefined) return null;
    if (Array.isArray(answer)) return answer.join('; ');
    if (typeof answer === 'boolean') return answer ? 'yes' : 'no';
    return answer;
  }
}

/** The answer to keep, `undefined` when none is given (and none is needed), or the problem. */
function checkOne(question: Question, raw: unknown): Answer | undefined | { error: string } {
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
  if (empty) return question.required ? { error: 'is required' } : undefined;
  const values = question.options.map((option) => option.value);
  switch (question.kind) {
    case 'text':
      if (typeof raw !== 'string') return { error: 'must be text' };
      if (raw.trim().length > MAX_TEXT) return { error: `must be at most ${MAX_TEXT} characters` };
      if (raw.includes('\u0000')) return { error: 'must not contain the NUL character' };
      return raw.trim();
    case 'choice':
      if (typeof raw !== 'string' || !values.includes(raw)) return { error: `must be one of: ${values.join(', ')}` };
      return raw;
    case 'choices': {
      if (!Array.isArray(raw) || raw.some((value) => typeof value !== 'string' || !values.includes(value)))
        return { error: `must be a list of: ${values.join(', ')}` };
      const chosen = raw as string[];
      if (new Set(chosen).size !== chosen.length) return { error: 'must not repeat an option' };
      return values.filter((value) => chosen.includes(value));
    }
    case 'yes-no':
      if (typeof raw !== 'boolean') return { error: 'must be true or false' };
      return raw;
    case 'date':
      if (typeof raw !== 'string' || !isDate(raw)) return { error: 'must be a date, YYYY-MM-DD' };
      return raw;
  }
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The language ranges of an `Accept-Language` header, lower-cased, by weight (then order); `*` and weight 0 left out. */
function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [range, ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { range: (range ?? '').trim().toLowerCase(), weight: q ? Number(q[1]) : 1, index };
    })
    .filter(({ range, weight }) => range !== '' && range !== '*' && weight > 0 && Number.isFinite(weight))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ range }) => range);
}
