import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneReminderMessage } from './en.js';

export const ca: Catalogue<MilestoneReminderMessage> = {
  subject: 'Recordatori: «{milestoneTitle}» venç el {dueOn}',
  of: '{hasPilot, select, yes {del projecte pilot «{pilotProject}» del pla d’acció} other {del pla d’acció}} «{planTitle}»',
  body: 'La fita «{milestoneTitle}» {of} venç el {dueOn}.',
  role: '{role, select, owner {Vostè n’és el responsable.} other {Vostè és responsable del seu projecte pilot.}}',
  ask: 'Li preguem que s’asseguri que es completi a temps o que avisi l’organització si s’endarrereix.',
  closing: 'Cordialment,\nEl registre de memoràndums d’entesa de mission-hub',
};
