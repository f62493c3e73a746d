import QRCode from 'qrcode';
import { Html, html } from './html.js';
import type { RegistrationView } from './participant-api.js';
import type { PageContext } from './participant-page.js';
import { formatInstant } from './participant-time.js';

/**
 * The check-in code is the registration id: what registration's check-in call takes, so the desk
 * scans it (or types it) straight into that call. The QR code is SVG drawn on the server.
 */
export async function checkInPage(context: PageContext, registration: RegistrationView): Promise<Html> {
  const words = context.t.checkIn;
  if (registration.checkedInAt) return html`<p role="status">${words.done(formatInstant(registration.checkedInAt, registration.timezone, context.locale))}</p>`;
  if (registration.status !== 'confirmed') return html`<p>${words.notConfirmed}</p>`;
  const svg = await QRCode.toString(registration.id, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  // The SVG is the qrcode package's own output from a UUID: markup we made, labelled as one image.
  const labelled = svg.replace('<svg ', `<svg role="img" aria-label="${words.qrLabel(registration.id).replace(/"/g, '&quot;')}" class="qr" `);
  return html`<p>${words.intro}</p>
    <figure class="check-in">
      ${new Html(labelled)}
      <figcaption><span class="code-label">${words.code}</span> <code class="check-in-code" data-check-in-code>${registration.id}</code></figcaption>
    </figure>`;
}
