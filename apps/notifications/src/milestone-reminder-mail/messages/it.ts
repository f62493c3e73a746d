import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneReminderMessage } from './en.js';

export const it: Catalogue<MilestoneReminderMessage> = {
  subject: 'Promemoria: «{milestoneTitle}» scade il {dueOn}',
  of: '{hasPilot, select, yes {del progetto pilota «{pilotProject}» del piano d’azione} other {del piano d’azione}} «{planTitle}»',
  body: 'Il traguardo «{milestoneTitle}» {of} scade il {dueOn}.',
  role: '{role, select, owner {Lei ne è il responsabile.} other {Lei è responsabile del suo progetto pilota.}}',
  ask: 'La preghiamo di assicurarsi che sia completato in tempo, o di avvisare gli organizzatori in caso di ritardo.',
  closing: 'Cordiali saluti,\nIl registro dei protocolli d’intesa di mission-hub',
};
