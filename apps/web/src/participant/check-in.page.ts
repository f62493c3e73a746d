import QRCode from 'qrcode';
import { html, raw, type Html } from '../kit/html.js';
import type { RegistrationView } from './participant-api.js';
import type { ParticipantPage } from './participant-page.js';
import { formatInstant } from './participant-time.js';

/**
 * The check-in code is the registration id: what registration's check-in call takes, so the desk
 * scans it (or types it) straight into that call. The QR code is SVG drawn on the server.
 */
export async function checkInPage(p: ParticipantPage, registration: RegistrationView): Promise<Html> {
  if (registration.checkedInAt) {
    return html`<p role="status">${p.t('checkIn.done', { when: formatInstant(registration.checkedInAt, registration.timezone, p.page.locale) })}</p>`;
  }
  if (registration.status !== 'confirmed') return html`<p>${p.t('checkIn.notConfirmed')}</p>`;
  const svg = await QRCode.toString(registration.id, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  // The qrcode package's own SVG of a UUID, labelled as one image (the label is escaped like any text).
  const label = html`${p.t('checkIn.qrLabel', { code: registration.id })}`.value;
  const image = raw(svg.replace('<svg ', `<svg role="img" aria-label="${label}" class="participant-qr" `));
  return html`<p>${p.t('checkIn.intro')}</p>
    <figure class="participant-check-in">
      ${image}
      <figcaption>
        ${p.t('checkIn.code')}
        <code class="participant-code" data-check-in-code>${registration.id}</code>
      </figcaption>
    </figure>`;
}
