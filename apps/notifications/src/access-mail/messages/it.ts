import type { Catalogue } from '../../mail/mail-messages.js';
import type { AccessMessage } from './en.js';

export const it: Catalogue<AccessMessage> = {
  link_requestedSubject: 'Il Suo link di accesso per {missionTitle}',
  link_requested:
    'Ha richiesto un nuovo link per la Sua iscrizione a {missionTitle} ({missionCode}). I link che Le abbiamo inviato in precedenza non sono più validi.',
  access_revokedSubject: 'Il Suo nuovo link di accesso per {missionTitle}',
  access_revoked:
    'L’accesso alla Sua iscrizione a {missionTitle} ({missionCode}) è stato revocato: tutti i link e gli accessi precedenti non sono più validi. Ecco un nuovo link.',
  link: 'Acceda per gestire la Sua iscrizione: {link}\nIl link è valido per {days, plural, one {# giorno} other {# giorni}} ed è riservato a Lei: La preghiamo di non inoltrarlo.',
  ignore: 'Se non ha richiesto Lei questo link, può ignorare questa e-mail.',
};
