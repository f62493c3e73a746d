import type { MailLanguage } from '../../mail/mail-language.js';
import { en } from './en.js';
import type { AccessTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

export const accessTemplates: Record<MailLanguage, AccessTemplates> = { en, zh };
