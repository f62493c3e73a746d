import { instant } from '#contracts';
import { z } from 'zod';
import { approvalModes } from '../seats/seats.rules.js';
import { questionKinds } from './category.js';

/** A category's or a question's code: lower-case letters, digits and dashes, as it appears in URLs and CSV headers. */
export const categoryCode = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { message: 'must be 1 to 40 lower-case letters, digits or dashes, starting with a letter or digit' });

const languageKey = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language tag, e.g. en or zh-CN' });

/** Texts per language: at least one, at most 20. */
const localised = (max: number) =>
  z
    .record(languageKey, z.string().trim().min(1).max(max))
    .refine((texts) => Object.keys(texts).length >= 1, { message: 'needs a text in at least one language' })
    .refine((texts) => Object.keys(texts).length <= 20, { message: 'at most 20 languages' });

const option = z.object({ value: z.string().trim().min(1).max(80), labels: localised(200) }).strict();

export const questionSchema = z
  .object({
    key: categoryCode,
    kind: z.enum(questionKinds),
    required: z.boolean().default(false),
    labels: localised(500),
    options: z.array(option).max(50).default([]),
  })
  .strict()
  .superRefine((question, context) => {
    const choosing = question.kind === 'choice' || question.kind === 'choices';
    if (choosing && question.options.length < 2) context.addIssue({ code: 'custom', path: ['options'], message: 'a choice needs at least two options' });
    if (!choosing && question.options.length > 0)
      context.addIssue({ code: 'custom', path: ['options'], message: `a ${question.kind} question has no options` });
    const values = question.options.map((o) => o.value);
    if (new Set(values).size !== values.length) context.addIssue({ code: 'custom', path: ['options'], message: 'option values must differ' });
  });

/** `PUT /missions/:id/categories/:code`: the whole category, created or replaced. */
export const categorySchema = z
  .object({
    names: localised(200),
    capacity: z.number().int().min(0).max(1_000_000).nullable().default(null),
    waitlist: z.boolean().default(true),
    approval: z.enum(approvalModes).default('automatic'),
    opensAt: instant.nullable().default(null),
    closesAt: instant.nullable().default(null),
    questions: z
      .array(questionSchema)
      .max(40)
      .default([])
      .refine((questions) => new Set(questions.map((q) => q.key)).size === questions.length, { message: 'question keys must differ' }),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .refine((category) => !category.opensAt || !category.closesAt || new Date(category.opensAt) < new Date(category.closesAt), {
    path: ['closesAt'],
    message: 'must be after opensAt',
  });

export type CategoryInput = z.infer<typeof categorySchema>;

/** An answer as the form sends it: text or a date or an option's value, yes/no, several options' values. */
export const answerSchema = z.union([z.string().max(2000), z.boolean(), z.array(z.string().max(80)).max(50)]);

export const answersSchema = z
  .record(z.string().max(40), answerSchema)
  .refine((answers) => Object.keys(answers).length <= 40, { message: 'at most 40 answers' });
