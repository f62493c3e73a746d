import type { Catalogue } from '../../mail/mail-messages.js';
import type { AccessMessage } from './en.js';

export const es: Catalogue<AccessMessage> = {
  link_requestedSubject: 'Su enlace de acceso para {missionTitle}',
  link_requested:
    'Ha solicitado un nuevo enlace para su inscripción en {missionTitle} ({missionCode}). Los enlaces que le enviamos anteriormente ya no funcionan.',
  access_revokedSubject: 'Su nuevo enlace de acceso para {missionTitle}',
  access_revoked:
    'Se ha revocado el acceso a su inscripción en {missionTitle} ({missionCode}): todos los enlaces y accesos anteriores han dejado de ser válidos. Aquí tiene un nuevo enlace.',
  link: 'Acceda para gestionar su inscripción: {link}\nEl enlace es válido durante {days, plural, one {# día} other {# días}} y es solo para usted: le rogamos que no lo reenvíe.',
  ignore: 'Si no lo ha solicitado usted, puede ignorar este correo electrónico.',
};
