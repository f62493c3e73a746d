import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneMessage } from './en.js';

export const ca: Catalogue<MilestoneMessage> = {
  subject: 'Recordatori: «{milestoneTitle}» ha superat la data límit ({dueOn})',
  of: '{hasPilot, select, yes {del projecte pilot «{pilotProject}» del memoràndum d’entesa} other {del memoràndum d’entesa}} {reference} «{mouTitle}»',
  body: 'La fita «{milestoneTitle}» {of}, de la qual vostè és responsable, ha superat la data límit ({dueOn}) i no s’ha marcat com a completada.',
  ask: 'Li preguem que la completi o que indiqui a l’organització quan estarà enllestida.',
  closing: 'Cordialment,\nEl registre de memoràndums d’entesa de mission-hub',
};
