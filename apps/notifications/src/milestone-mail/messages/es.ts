import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneMessage } from './en.js';

export const es: Catalogue<MilestoneMessage> = {
  subject: 'Recordatorio: «{milestoneTitle}» vencía el {dueOn}',
  of: '{hasPilot, select, yes {del proyecto piloto «{pilotProject}» del memorando de entendimiento} other {del memorando de entendimiento}} {reference} «{mouTitle}»',
  body: 'El hito «{milestoneTitle}» {of}, del que usted es responsable, vencía el {dueOn} y no se ha marcado como completado.',
  ask: 'Le rogamos que lo complete o que indique a la organización cuándo estará listo.',
  closing: 'Atentamente,\nEl registro de memorandos de entendimiento de mission-hub',
};
