import type { Catalogue } from '../../mail/mail-messages.js';
import type { MilestoneReminderMessage } from './en.js';

export const de: Catalogue<MilestoneReminderMessage> = {
  subject: 'Erinnerung: „{milestoneTitle}“ ist am {dueOn} fällig',
  of: '{hasPilot, select, yes {des Pilotprojekts „{pilotProject}“ des Aktionsplans} other {des Aktionsplans}} „{planTitle}“',
  body: 'Der Meilenstein „{milestoneTitle}“ {of} ist am {dueOn} fällig.',
  role: '{role, select, owner {Sie sind für ihn verantwortlich.} other {Sie sind für sein Pilotprojekt verantwortlich.}}',
  ask: 'Bitte sorgen Sie dafür, dass er rechtzeitig erledigt wird, oder teilen Sie dem Organisationsteam mit, wenn er sich verzögert.',
  closing: 'Mit freundlichen Grüßen\nDas MoU-Register von mission-hub',
};
