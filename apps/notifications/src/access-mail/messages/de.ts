import type { Catalogue } from '../../mail/mail-messages.js';
import type { AccessMessage } from './en.js';

export const de: Catalogue<AccessMessage> = {
  link_requestedSubject: 'Ihr Zugangslink für {missionTitle}',
  link_requested:
    'Sie haben einen neuen Link zu Ihrer Anmeldung für {missionTitle} ({missionCode}) angefordert. Links, die wir Ihnen zuvor geschickt haben, funktionieren nicht mehr.',
  access_revokedSubject: 'Ihr neuer Zugangslink für {missionTitle}',
  access_revoked:
    'Der Zugang zu Ihrer Anmeldung für {missionTitle} ({missionCode}) wurde widerrufen: Alle bisherigen Links und Sitzungen sind beendet. Hier ist ein neuer Link.',
  link: 'Melden Sie sich an, um Ihre Anmeldung zu verwalten: {link}\nDer Link ist {days, plural, one {# Tag} other {# Tage}} gültig und nur für Sie bestimmt: Bitte leiten Sie ihn nicht weiter.',
  ignore: 'Falls Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.',
};
