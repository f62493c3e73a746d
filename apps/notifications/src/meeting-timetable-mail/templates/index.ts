import type { MailLanguage } from '../../mail/mail-language.js';
import { en } from './en.js';
import type { TimetableTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

export const timetableTemplates: Record<MailLanguage, TimetableTemplates> = { en, zh };
