import type { Catalogues } from '../../mail/mail-messages.js';
import { ca } from './ca.js';
import { de } from './de.js';
import { en, type AccessMessage } from './en.js';
import { es } from './es.js';
import { it } from './it.js';
import { zh } from './zh.js';

export type { AccessMessage } from './en.js';
export const accessCatalogues: Catalogues<AccessMessage> = { en, zh, es, ca, it, de };
