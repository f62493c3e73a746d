import { html, type Html } from '../kit/html.js';
import type { ParticipantPage } from './participant-page.js';

/** The "send me my link again" form: a plain post, and whatever the address, the same answer. */
export function linkForm(p: ParticipantPage, missionId: string, options: { email?: string; error?: string } = {}): Html {
  return html`<form method="post" action="/m/${missionId}/link" novalidate>
    <div class="field${options.error ? ' field--invalid' : ''}">
      <label for="link-email">${p.t('link.email')}</label>
      ${options.error ? html`<span class="field-error" id="link-email-error">${options.error}</span>` : ''}
      <input
        id="link-email"
        name="email"
        type="email"
        autocomplete="email"
        required
        value="${options.email ?? ''}"
        ${options.error ? html`aria-invalid="true" aria-describedby="link-email-error"` : ''}
      />
    </div>
    <button type="submit">${p.t('link.submit')}</button>
  </form>`;
}

export function linkPage(p: ParticipantPage, missionId: string, options: { email?: string; error?: string } = {}): Html {
  return html`<p>${p.t('link.intro')}</p>
    ${linkForm(p, missionId, options)}`;
}
