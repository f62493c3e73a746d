import type { Catalogue } from '../../mail/mail-messages.js';
import type { AccessMessage } from './en.js';

export const ca: Catalogue<AccessMessage> = {
  link_requestedSubject: 'El seu enllaç d’accés per a {missionTitle}',
  link_requested:
    'Ha sol·licitat un enllaç nou per a la seva inscripció a {missionTitle} ({missionCode}). Els enllaços que li vam enviar abans ja no funcionen.',
  access_revokedSubject: 'El seu nou enllaç d’accés per a {missionTitle}',
  access_revoked:
    'S’ha revocat l’accés a la seva inscripció a {missionTitle} ({missionCode}): tots els enllaços i els accessos anteriors han deixat de ser vàlids. Aquí té un enllaç nou.',
  link: 'Accedeixi per gestionar la seva inscripció: {link}\nL’enllaç és vàlid durant {days, plural, one {# dia} other {# dies}} i és només per a vostè: li preguem que no el reenviï.',
  ignore: 'Si no l’ha sol·licitat vostè, pot ignorar aquest correu electrònic.',
};
