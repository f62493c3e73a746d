import { instant, registrationStatuses, uuid } from '#contracts';
import { z } from 'zod';
import { mailLanguages } from '../mail/mail-language.js';

const language = z.enum(mailLanguages);

const selector = z.discriminatedUnion('type', [
  z.object({ type: z.literal('mission') }).strict(),
  z.object({ type: z.literal('delegations'), delegationIds: z.array(uuid).min(1).max(200) }).strict(),
  z.object({ type: z.literal('categories'), categories: z.array(z.string().min(1).max(100)).min(1).max(100) }).strict(),
  z
    .object({
      type: z.literal('session'),
      sessionId: uuid,
      enrolment: z
        .array(z.enum(['enrolled', 'waitlisted']))
        .min(1)
        .default(['enrolled', 'waitlisted']),
    })
    .strict(),
  z
    .object({ type: z.literal('meetings'), from: instant, to: instant })
    .strict()
    .refine((block) => Date.parse(block.from) < Date.parse(block.to), { message: 'the block must end after it starts', path: ['to'] }),
]);

export const audienceSchema = z
  .object({
    anyOf: z.array(selector).min(1).max(50).describe('Everyone any of these names (a union).'),
    statuses: z
      .array(z.enum(registrationStatuses))
      .min(1)
      .default(['confirmed'])
      .describe('Of them, those whose registration stands so; confirmed only unless said.'),
  })
  .strict();

const text = z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(20_000) }).strict();

const written = {
  audience: audienceSchema,
  texts: z.partialRecord(language, text).describe('The subject and body per mail language; at least the default language’s.'),
  defaultLanguage: language.describe('What a recipient reads when none of their language chain (ca → es → en) is written.'),
};

function defaultIsWritten(value: { texts: Partial<Record<string, unknown>>; defaultLanguage: string }, context: z.RefinementCtx): void {
  if (!value.texts[value.defaultLanguage])
    context.addIssue({ code: 'custom', message: 'the default language must have a text', path: ['texts', value.defaultLanguage] });
}

export const broadcastSchema = z
  .object({ ...written, sendAt: instant.optional().describe('When it goes; now when absent.') })
  .strict()
  .superRefine(defaultIsWritten);
export type BroadcastInput = z.infer<typeof broadcastSchema>;

export const previewSchema = z.object(written).strict().superRefine(defaultIsWritten);
export type PreviewInput = z.infer<typeof previewSchema>;

export const previewQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) })
  .strict();
export type PreviewQuery = z.infer<typeof previewQuery>;

export const feedQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), before: instant.optional() }).strict();
export type FeedQuery = z.infer<typeof feedQuery>;
