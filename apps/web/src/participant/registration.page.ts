import { html, type Html } from './html.js';
import type { RegistrationView } from './participant-api.js';
import type { PageContext } from './participant-page.js';
import { formatInstant } from './participant-time.js';
import { optionalFields, type DetailField } from './registration-form.js';

const languages: [string, string][] = [
  ['en', 'English'],
  ['zh-CN', '中文'],
  ['es', 'Español'],
  ['ca', 'Català'],
  ['it', 'Italiano'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
];

export interface DetailsForm {
  values: Record<DetailField, string>;
  /** The problem's `errors`, by field. */
  errors: ReadonlyMap<string, string>;
}

/** Where the registration stands, in words: the status, and what follows from it. */
export function statusPanel(context: PageContext, registration: RegistrationView): Html {
  const { t } = context;
  const words = t.registration;
  const lines: (string | null)[] = [
    registration.status === 'waitlisted' && registration.waitlistPosition ? words.waitlistPlace(registration.waitlistPosition) : null,
    registration.status === 'pending_approval' ? words.pendingText : null,
    registration.status === 'rejected' && registration.rejectionReason ? words.rejectedReason(registration.rejectionReason) : null,
    registration.erasedAt ? words.erasedText : registration.status === 'cancelled' ? words.cancelledText : null,
    registration.checkedInAt ? words.checkedIn(formatInstant(registration.checkedInAt, registration.timezone, context.locale)) : null,
  ];
  return html`<section class="status status-${registration.status}" aria-labelledby="status-heading">
    <h2 id="status-heading">${words.statusLabel}: <span data-status="${registration.status}">${t.status[registration.status]}</span></h2>
    ${lines.filter(Boolean).map((line) => html`<p>${line}</p>`)}
  </section>`;
}

export function registrationPage(context: PageContext, registration: RegistrationView, form: DetailsForm): Html {
  const words = context.t.registration;
  const active = !registration.erasedAt && registration.status !== 'cancelled';
  return html`${statusPanel(context, registration)}
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">${words.details}</h2>
      ${active ? detailsForm(context, registration, form) : detailsList(context, registration)}
    </section>
    ${
      registration.erasedAt
        ? ''
        : html`<section aria-labelledby="manage-heading">
            <h2 id="manage-heading">${words.manage}</h2>
            <ul class="actions">
              ${active ? html`<li><a class="button secondary" href="/p/${registration.id}/registration/cancel">${words.cancel}</a></li>` : ''}
              <li><a class="button danger" href="/p/${registration.id}/registration/erase">${words.erase}</a></li>
            </ul>
          </section>`
    }`;
}

function detailsForm(context: PageContext, registration: RegistrationView, form: DetailsForm): Html {
  const words = context.t.registration;
  const text = (field: DetailField, label: string, attributes: Html = html``) => input(form, field, label, words.optional, 'text', attributes);
  const organisationTypes = Object.entries(words.organisationTypes);
  const languageOptions = languages.some(([tag]) => tag === form.values.preferredLanguage)
    ? languages
    : [...languages, [form.values.preferredLanguage, form.values.preferredLanguage] as [string, string]];
  return html`<form method="post" action="/p/${registration.id}/registration" class="stack" novalidate>
    <div class="field">
      <label for="field-email">${words.email}</label>
      <input id="field-email" type="email" value="${registration.email}" readonly aria-describedby="field-email-hint" />
      <p class="hint" id="field-email-hint">${words.emailHint}</p>
    </div>
    ${text('givenName', words.givenName, html` autocomplete="given-name" required`)}
    ${text('familyName', words.familyName, html` autocomplete="family-name" required`)}
    ${text('jobTitle', words.jobTitle, html` autocomplete="organization-title"`)}
    <fieldset>
      <legend>${words.organisation}</legend>
      ${text('organisation.name', words.organisationName, html` autocomplete="organization" required`)}
      ${select(form, 'organisation.type', words.organisationType, organisationTypes)}
      ${text('organisation.country', words.country, html` autocomplete="country" maxlength="2" required`)}
      ${text('organisation.city', words.city, html` autocomplete="address-level2"`)}
    </fieldset>
    <div class="field">
      <label for="field-delegation">${words.delegation}</label>
      <input id="field-delegation" type="text" value="${registration.delegation ?? words.none}" readonly aria-describedby="field-delegation-hint" />
      <p class="hint" id="field-delegation-hint">${words.delegationHint}</p>
    </div>
    ${select(form, 'preferredLanguage', words.preferredLanguage, languageOptions)}
    ${text('timezone', words.timezone, html` list="time-zones" autocomplete="off" required`)}
    <datalist id="time-zones">${Intl.supportedValuesOf('timeZone').map((zone) => html`<option value="${zone}"></option>`)}</datalist>
    ${input(form, 'dietary', words.dietary, words.optional, 'textarea')} ${input(form, 'accessibility', words.accessibility, words.optional, 'textarea')}
    <button type="submit">${words.save}</button>
  </form>`;
}

/** A labelled control with its value, its error beside it (from the problem's `errors[].field`) and its hint. */
function input(form: DetailsForm, field: DetailField, label: string, optionalWord: string, kind: 'text' | 'textarea', extra: Html = html``): Html {
  const id = `field-${field.replace('.', '-')}`;
  const error = form.errors.get(field);
  const value = form.values[field];
  const attributes = html` id="${id}" name="${field}"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}${extra}`;
  const control = kind === 'textarea' ? html`<textarea rows="2" ${attributes}>${value}</textarea>` : html`<input type="text" ${attributes} value="${value}" />`;
  return html`<div class="field${error ? ' invalid' : ''}">
    <label for="${id}">${label}${optionalFields.has(field) ? html` <span class="optional">${optionalWord}</span>` : ''}</label> ${control}
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function select(form: DetailsForm, field: DetailField, label: string, options: [string, string][]): Html {
  const id = `field-${field.replace('.', '-')}`;
  const error = form.errors.get(field);
  return html`<div class="field${error ? ' invalid' : ''}">
    <label for="${id}">${label}</label>
    <select id="${id}" name="${field}" ${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
      ${options.map(([value, name]) => html`<option value="${value}" ${value === form.values[field] ? html` selected` : ''}>${name}</option>`)}
    </select>
    ${error ? html`<p class="error" id="${id}-error">${error}</p>` : ''}
  </div>`;
}

function detailsList(context: PageContext, registration: RegistrationView): Html {
  const words = context.t.registration;
  const rows: [string, string | null][] = [
    [words.email, registration.email],
    [words.givenName, registration.givenName],
    [words.familyName, registration.familyName],
    [words.organisationName, registration.organisation.name],
    [words.delegation, registration.delegation],
  ];
  return html`<dl class="details">
    ${rows.map(
      ([term, value]) =>
        html`<dt>${term}</dt>
          <dd>${value || words.none}</dd>`,
    )}
  </dl>`;
}

/** The step before something that cannot be undone: a page of its own with a plain form, so it works without JavaScript. */
export function confirmationPage(context: PageContext, registrationId: string, what: 'cancel' | 'erase'): Html {
  const words = context.t.registration;
  const text = what === 'cancel' ? words.cancelConfirmText : words.eraseConfirmText;
  const button = what === 'cancel' ? words.cancelConfirm : words.eraseConfirm;
  return html`<p>${text}</p>
    <form method="post" action="/p/${registrationId}/registration/${what}" class="actions">
      <button type="submit" class="danger">${button}</button>
      <a class="button secondary" href="/p/${registrationId}/registration">${words.keep}</a>
    </form>`;
}
