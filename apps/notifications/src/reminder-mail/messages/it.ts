import type { Catalogue } from '../../mail/mail-messages.js';
import type { ReminderMessage } from './en.js';

export const it: Catalogue<ReminderMessage> = {
  sessionSubject: 'Promemoria: {sessionTitle} ({missionTitle})',
  session: 'Le ricordiamo «{sessionTitle}» di {missionTitle}, {role, select, speaker {dove Lei interviene} other {dove ha un posto}}:',
  meetingSubject: 'Promemoria: il Suo incontro B2B al tavolo {table} ({missionTitle})',
  meeting: 'Le ricordiamo il Suo incontro B2B al tavolo {table} di {missionTitle}:',
  meetingWith: 'Con: {counterparts}',
  closingSubject: 'Le iscrizioni a {missionTitle} chiudono il {closesAt}',
  closing:
    '{status, select, waitlisted {Lei è in lista d’attesa per {missionTitle}.} other {La Sua iscrizione a {missionTitle} attende l’approvazione degli organizzatori.}} Le iscrizioni chiudono il {closesAt} (ora Sua, {timezone}). Non deve fare nulla: Le scriveremo non appena il Suo posto sarà deciso.',
};
