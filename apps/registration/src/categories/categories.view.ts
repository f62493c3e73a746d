import { instant, uuid } from '#contracts';
import { z } from 'zod';
import { approvalModes } from '../seats/seats.rules.js';
import { questionKinds, type Category } from './category.js';
import { CategoryRules } from './categories.rules.js';

const localised = z.record(z.string(), z.string()).describe('Texts by language tag.');

/** A category as organisers edit it: every language. The schema also documents the responses. */
export const categoryView = z.object({
  id: uuid,
  missionId: uuid,
  code: z.string(),
  names: localised,
  capacity: z.number().int().nonnegative().nullable().describe("Most confirmed registrations of the category; null: the mission's capacity only."),
  waitlist: z.boolean().describe('Whether a registration that finds no seat waits for one; else it is refused (`no-seat`).'),
  approval: z.enum(approvalModes),
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
  questions: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(questionKinds),
      required: z.boolean(),
      labels: localised,
      options: z.array(z.object({ value: z.string(), labels: localised })),
    }),
  ),
  position: z.number().int(),
  updatedAt: instant,
});

export type CategoryView = z.infer<typeof categoryView>;

export const categoryList = z.object({ items: z.array(categoryView) });

export function toCategoryView(category: Category): CategoryView {
  return {
    id: category.id,
    missionId: category.missionId,
    code: category.code,
    names: category.names,
    capacity: category.capacity,
    waitlist: category.waitlist,
    approval: category.approval,
    opensAt: category.opensAt?.toISOString() ?? null,
    closesAt: category.closesAt?.toISOString() ?? null,
    questions: category.questions,
    position: category.position,
    updatedAt: category.updatedAt.toISOString(),
  };
}

/** A category as the public form shows it: in one language (the caller's `Accept-Language`, with a fallback), no seats. */
export const formCategoryView = z.object({
  code: z.string(),
  name: z.string(),
  language: z.string().describe('The language `name` is in; each label says its own.'),
  window: z.enum(['open', 'not-yet-open', 'closed']),
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
  approval: z.enum(approvalModes),
  waitlist: z.boolean(),
  questions: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(questionKinds),
      required: z.boolean(),
      label: z.string(),
      language: z.string(),
      options: z.array(z.object({ value: z.string(), label: z.string() })),
    }),
  ),
});

export const formCategoryList = z.object({ items: z.array(formCategoryView) });
export type FormCategoryView = z.infer<typeof formCategoryView>;

export function toFormCategoryView(category: Category, acceptLanguage: string | undefined, now: Date): FormCategoryView {
  const language = CategoryRules.language(Object.keys(category.names), acceptLanguage);
  return {
    code: category.code,
    name: category.names[language] ?? category.code,
    language,
    window: CategoryRules.window(category, now),
    opensAt: category.opensAt?.toISOString() ?? null,
    closesAt: category.closesAt?.toISOString() ?? null,
    approval: category.approval,
    waitlist: category.waitlist,
    questions: category.questions.map((question) => {
      const questionLanguage = CategoryRules.language(Object.keys(question.labels), acceptLanguage);
      return {
        key: question.key,
        kind: question.kind,
        required: question.required,
        label: question.labels[questionLanguage] ?? question.key,
        language: questionLanguage,
        options: question.options.map((option) => ({ value: option.value, label: CategoryRules.text(option.labels, acceptLanguage) || option.value })),
      };
    }),
  };
}
