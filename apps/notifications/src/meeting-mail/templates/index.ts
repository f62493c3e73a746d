import type { MailLanguage } from '../../mail/mail-language.js';
import { en } from './en.js';
import type { MeetingTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

export const meetingTemplates: Record<MailLanguage, MeetingTemplates> = { en, zh };
