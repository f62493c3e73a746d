import type { Catalogues } from '../../mail/mail-messages.js';
import { ca } from './ca.js';
import { de } from './de.js';
import { en, type TimetableMessage } from './en.js';
import { es } from './es.js';
import { it } from './it.js';
import { zh } from './zh.js';

export type { TimetableMessage } from './en.js';
export const meetingTimetableCatalogues: Catalogues<TimetableMessage> = { en, zh, es, ca, it, de };
