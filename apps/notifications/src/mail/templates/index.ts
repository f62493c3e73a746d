import type { MailLanguage } from '../mail-language.js';
import { en } from './en.js';
import type { SharedTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

/** One entry per language that has templates; `resolveMailLanguage` only ever answers one of these. */
export const sharedTemplates: Record<MailLanguage, SharedTemplates> = { en, zh };
