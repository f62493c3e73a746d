import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneMessage } from './en.js';

export const de: Catalogue<MilestoneMessage> = {
  subject: 'Erinnerung: „{milestoneTitle}“ war am {dueOn} fällig',
  of: '{hasPilot, select, yes {des Pilotprojekts „{pilotProject}“ der Absichtserklärung} other {der Absichtserklärung}} {reference} „{mouTitle}“',
  body: 'Der Meilenstein „{milestoneTitle}“ {of}, für den Sie verantwortlich sind, war am {dueOn} fällig und ist noch nicht als erledigt markiert.',
  ask: 'Bitte erledigen Sie ihn oder teilen Sie dem Organisationsteam mit, bis wann er erledigt sein wird.',
  closing: 'Mit freundlichen Grüßen\nDas MoU-Register von mission-hub',
};
