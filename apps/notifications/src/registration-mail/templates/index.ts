import type { MailLanguage } from '../../mail/mail-language.js';
import { en } from './en.js';
import type { RegistrationTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

/** One entry per language that has templates; `resolveMailLanguage` only ever answers one of these. */
export const registrationTemplates: Record<MailLanguage, RegistrationTemplates> = { en, zh };
