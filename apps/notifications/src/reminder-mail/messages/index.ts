import type { Catalogues } from '../../mail/mail-messages.js';
import { ca } from './ca.js';
import { de } from './de.js';
import { en, type ReminderMessage } from './en.js';
import { es } from './es.js';
import { it } from './it.js';
import { zh } from './zh.js';

export type { ReminderMessage } from './en.js';
export const reminderCatalogues: Catalogues<ReminderMessage> = { en, zh, es, ca, it, de };
