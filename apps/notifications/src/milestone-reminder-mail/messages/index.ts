import type { Catalogues } from '../../mail/mail-messages.js';
import { ca } from './ca.js';
import { de } from './de.js';
import { en, type MilestoneReminderMessage } from './en.js';
import { es } from './es.js';
import { it } from './it.js';
import { zh } from './zh.js';

export type { MilestoneReminderMessage } from './en.js';
export const milestoneReminderCatalogues: Catalogues<MilestoneReminderMessage> = { en, zh, es, ca, it, de };
