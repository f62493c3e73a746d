import { html, type Html } from './html.js';
import type { PageContext } from './participant-page.js';

/** The "send me my link again" form: a plain post, whatever the address, the same answer. */
export function linkForm(context: PageContext, missionId: string, options: { email?: string; error?: string } = {}): Html {
  const { link } = context.t;
  return html`<form method="post" action="/m/${missionId}/link" class="stack" novalidate>
    <div class="field${options.error ? ' invalid' : ''}">
      <label for="link-email">${link.email}</label>
      <input
        id="link-email"
        name="email"
        type="email"
        autocomplete="email"
        required
        value="${options.email ?? ''}"
        ${options.error ? html` aria-invalid="true" aria-describedby="link-email-error"` : ''}
      />
      ${options.error ? html`<p class="error" id="link-email-error">${options.error}</p>` : ''}
    </div>
    <button type="submit">${link.submit}</button>
  </form>`;
}

export function linkPage(context: PageContext, missionId: string, options: { email?: string; error?: string } = {}): Html {
  return html`<p>${context.t.link.intro}</p>
    ${linkForm(context, missionId, options)}`;
}
