import type { MailLanguage } from '../../mail/mail-language.js';
import { en } from './en.js';
import type { SessionTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

/** One entry per language that has templates; `resolveMailLanguage` only ever answers one of these. */
export const sessionTemplates: Record<MailLanguage, SessionTemplates> = { en, zh };
