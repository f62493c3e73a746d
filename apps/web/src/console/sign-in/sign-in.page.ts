import { html } from '../../kit/html.js';
import { translator } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { consoleLayout } from '../console.layout.js';
import { signInMessages } from './sign-in.messages.js';

export function signInPath(options: { next?: string; ended?: boolean } = {}): string {
  const query = new URLSearchParams();
  if (options.next && options.next !== '/console') query.set('next', options.next);
  if (options.ended) query.set('ended', '1');
  const text = query.toString();
  return text ? `/console/sign-in?${text}` : '/console/sign-in';
}

export interface SignInView {
  next?: string;
  notice?: 'ended' | 'signedOut';
  error?: 'required' | 'invalid';
  /** Set in production with an OIDC issuer: sign-in goes through it, and the token form is not offered. */
  oidcIssuer?: string;
  /** After signing out, where the identity provider ends its own session (its `end_session_endpoint`). */
  endSessionUrl?: string;
}

export type SignInFailure = { kind: 'denied' | 'exchange' | 'refused'; reason: string } | { kind: 'state' };

const failureMessages = { denied: 'oidcDenied', state: 'oidcState', exchange: 'oidcExchange', refused: 'oidcRefused' } as const;

/** Where the OIDC flow starts: a plain link, so that it works without JavaScript. */
export function oidcStartPath(next?: string): string {
  return next && next !== '/console' ? `/console/sign-in/start?${new URLSearchParams({ next }).toString()}` : '/console/sign-in/start';
}

/** A sign-in at the identity provider that ended without a session: why, and a way to try again. */
export function signInFailurePage(page: PageContext, failure: SignInFailure, next?: string): string {
  const t = translator(signInMessages, page.language);
  const message = failure.kind === 'state' ? t(failureMessages.state) : t(failureMessages[failure.kind], { reason: failure.reason });
  return consoleLayout(page, {
    title: t('oidcFailed'),
    anonymous: true,
    main: html`<h1>${t('oidcFailed')}</h1>
      <div class="error-summary" role="alert"><p>${message}</p></div>
      <p><a class="button" href="${oidcStartPath(next)}">${t('tryAgain')}</a></p>`,
  });
}

/** The development sign-in: a token from `npm run token`, pasted, kept in the `mh_organiser` cookie; with OIDC, a link to the identity provider. */
export function signInPage(page: PageContext, view: SignInView): string {
  const t = translator(signInMessages, page.language);
  if (view.oidcIssuer) {
    const notice = view.notice ? html`<p class="notice" role="status">${t(view.notice)}</p>` : '';
    const endSession = view.endSessionUrl ? html`<p><a href="${view.endSessionUrl}">${t('endSession')}</a></p>` : '';
    return consoleLayout(page, {
      title: t('title'),
      anonymous: true,
      main: html`<h1>${t('title')}</h1>
        ${notice}${endSession}
        <p>${t('intro')}</p>
        <p>${t('oidc', { issuer: view.oidcIssuer })}</p>
        <p><a class="button" href="${oidcStartPath(view.next)}">${t('oidcStart')}</a></p>`,
    });
  }
  const notice = view.notice ? html`<p class="notice" role="status">${t(view.notice)}</p>` : '';
  const error = view.error
    ? html`<div class="error-summary" role="alert">
        <h2>${t('errorSummary')}</h2>
        <p><a href="#token">${t(view.error)}</a></p>
      </div>`
    : '';
  const main = html`<h1>${t('title')}</h1>
    ${notice}${error}
    <p>${t('intro')}</p>
    <form method="post" action="/console/sign-in" class="sign-in">
      ${view.next ? html`<input type="hidden" name="next" value="${view.next}" />` : ''}
      <div class="field${view.error ? ' field--invalid' : ''}">
        <label for="token">${t('token')}</label>
        <span class="hint" id="token-hint">${t('tokenHint')}</span>
        ${view.error ? html`<span class="field-error" id="token-error">${t(view.error)}</span>` : ''}
        <textarea
          id="token"
          name="token"
          rows="4"
          required
          autocomplete="off"
          spellcheck="false"
          aria-describedby="token-hint${view.error ? ' token-error' : ''}"
          ${view.error ? html` aria-invalid="true"` : ''}
        ></textarea>
      </div>
      <button type="submit">${t('submit')}</button>
    </form>`;
  return consoleLayout(page, { title: t('title'), anonymous: true, main });
}
