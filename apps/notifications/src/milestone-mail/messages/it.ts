import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneMessage } from './en.js';

export const it: Catalogue<MilestoneMessage> = {
  subject: 'Promemoria: «{milestoneTitle}» ha superato la scadenza ({dueOn})',
  of: '{hasPilot, select, yes {del progetto pilota «{pilotProject}» del protocollo d’intesa} other {del protocollo d’intesa}} {reference} «{mouTitle}»',
  body: 'Il traguardo «{milestoneTitle}» {of}, di cui Lei è responsabile, ha superato la scadenza ({dueOn}) e non è stato contrassegnato come completato.',
  ask: 'La preghiamo di completarlo o di comunicare agli organizzatori quando lo sarà.',
  closing: 'Cordiali saluti,\nIl registro dei protocolli d’intesa di mission-hub',
};
