import { instant, uuid } from '#contracts';
import { z } from 'zod';
import { mailLanguages } from '../mail/mail-language.js';
import { audienceSchema } from './broadcast.schema.js';

const language = z.enum(mailLanguages);
const count = z.number().int().nonnegative();
const byLanguage = z.partialRecord(language, count).describe('Recipients per language they read it in.');

export const figuresView = z
  .object({ queued: count, pending: count, sent: count, failed: count, bounced: count })
  .describe('Its e-mails: queued (all) = pending + sent + failed + bounced (refused for good by the SMTP server, 5xx).');

export const broadcastView = z.object({
  id: uuid,
  missionId: uuid,
  status: z.enum(['scheduled', 'sent', 'cancelled']).describe('`scheduled` until it goes at `sendAt` (then `sent`), unless cancelled first.'),
  audience: audienceSchema,
  texts: z.partialRecord(language, z.object({ subject: z.string(), body: z.string() })),
  defaultLanguage: language,
  sendAt: instant,
  createdAt: instant,
  cancelledAt: instant.nullable(),
  releasedAt: instant.nullable().describe('When its audience was resolved and its e-mails queued.'),
  recipients: count.nullable().describe('How many it went to; null until it goes.'),
  figures: figuresView,
});
export type BroadcastView = z.infer<typeof broadcastView>;

export const broadcastList = z.object({ items: z.array(broadcastView) });

export const previewView = z.object({
  recipients: count,
  languages: byLanguage,
  items: z
    .array(z.object({ registrationId: uuid, name: z.string(), language, delegation: z.string().nullable() }))
    .describe('Who, by family name: a name, the language they would read it in, their delegation; no addresses.'),
  nextOffset: count.nullable(),
});
export type PreviewView = z.infer<typeof previewView>;

export const feedView = z.object({
  items: z.array(z.object({ id: uuid, language, subject: z.string(), body: z.string(), deliveredAt: instant })),
  nextBefore: instant.nullable().describe('Pass as `before` for the older ones; null at the end.'),
});
export type FeedView = z.infer<typeof feedView>;
