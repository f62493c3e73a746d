import type { MailLanguage } from '../../mail/mail-language.js';
import { en } from './en.js';
import type { EnrolmentTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

/** One entry per language that has templates; `resolveMailLanguage` only ever answers one of these. */
export const enrolmentTemplates: Record<MailLanguage, EnrolmentTemplates> = { en, zh };
