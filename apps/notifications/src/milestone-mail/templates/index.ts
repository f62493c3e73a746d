import type { MailLanguage } from '../../mail/mail-language.js';
import { en } from './en.js';
import type { MilestoneTemplates } from './template.js';
import { zh } from './zh.js';

export * from './template.js';

export const milestoneTemplates: Record<MailLanguage, MilestoneTemplates> = { en, zh };
