import { assetUrl } from '../../kit/assets.js';
import { html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDateTime } from '../../kit/time.js';
import { consoleLayout } from '../console.layout.js';
import type { ConsoleMission } from '../organiser-api.js';
import { fullName, statusText } from '../registrations/registrations.page.js';
import { checkInMessages } from './check-in.messages.js';
import type { CheckInOutcome } from './check-in.service.js';

/** The outcome in a sentence: who was checked in, or why not. */
export function checkInResult(page: PageContext, mission: ConsoleMission, outcome: CheckInOutcome): { ok: boolean; text: string } {
  const t = translator(checkInMessages, page.language);
  switch (outcome.kind) {
    case 'checkedIn': {
      const { registration } = outcome;
      const values = { name: fullName(registration), organisation: registration.organisation.name, delegation: registration.delegation ?? '' };
      return { ok: true, text: registration.delegation ? t('checkedInDelegation', values) : t('checkedIn', values) };
    }
    case 'already':
      return {
        ok: false,
        text: t('already', { name: fullName(outcome.registration), time: formatDateTime(outcome.checkedInAt, mission.timezone, page.language) }),
      };
    case 'notConfirmed':
      return { ok: false, text: t('notConfirmed', { name: fullName(outcome.registration), status: statusText(page, outcome.registration.status) }) };
    default:
      return { ok: false, text: t(outcome.kind) };
  }
}

/**
 * `/console/m/:missionId/check-in`: a code typed (a plain form post) or read from the QR code by the
 * camera (`check-in.client.ts`: BarcodeDetector where there is one, else `qr-decoder.client.ts`,
 * jsQR, fetched only then).
 */
export function checkInPage(page: PageContext, mission: ConsoleMission, result?: { ok: boolean; text: string }): string {
  const t = translator(checkInMessages, page.language);
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    <p id="check-in-result" class="notice${result ? (result.ok ? ' notice--ok' : ' notice--error') : ''}" role="status" ${result ? '' : html` hidden`}>
      ${result?.text ?? ''}
    </p>
    <form method="post" action="/console/m/${mission.id}/check-in" id="check-in-form" class="check-in-form">
      <div class="field">
        <label for="code">${t('code')}</label>
        <span class="hint" id="code-hint">${t('codeHint')}</span>
        <input type="text" id="code" name="code" required autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="code-hint" autofocus />
      </div>
      <button type="submit">${t('submit')}</button>
    </form>
    <section
      class="scanner"
      aria-label="${t('camera')}"
      data-decoder="${assetUrl('console/check-in/qr-decoder.client.ts')}"
      data-scanning="${t('scanning')}"
      data-no-camera="${t('noCamera')}"
      data-stop="${t('stopScan')}"
      data-scan="${t('scan')}"
      hidden
    >
      <button type="button" id="scan">${t('scan')}</button>
      <p id="scan-status" class="muted"></p>
      <video id="camera" playsinline muted hidden></video>
    </section>`;
  return consoleLayout(page, { title: t('title'), mission, current: 'checkIn', main, scripts: ['console/check-in/check-in.client.ts'] });
}
