import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneReminderMessage } from './en.js';

export const es: Catalogue<MilestoneReminderMessage> = {
  subject: 'Recordatorio: «{milestoneTitle}» vence el {dueOn}',
  of: '{hasPilot, select, yes {del proyecto piloto «{pilotProject}» del plan de acción} other {del plan de acción}} «{planTitle}»',
  body: 'El hito «{milestoneTitle}» {of} vence el {dueOn}.',
  role: '{role, select, owner {Usted es su responsable.} other {Usted es responsable de su proyecto piloto.}}',
  ask: 'Le rogamos que se asegure de que se complete a tiempo o que avise a la organización si se retrasará.',
  closing: 'Atentamente,\nEl registro de memorandos de entendimiento de mission-hub',
};
