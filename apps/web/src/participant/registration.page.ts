import { html, type Html } from '../kit/html.js';
import type { RegistrationView } from './participant-api.js';
import type { ParticipantPage } from './participant-page.js';
import type { ParticipantKey } from './participant.messages.js';
import { formatInstant } from './participant-time.js';
import { optionalFields, type DetailField } from './registration-form.js';

/** The languages offered for e-mails; a participant's own, if it is another, is kept as an option. */
const mailLanguages: [string, string][] = [
  ['en', 'English'],
  ['zh-CN', '中文'],
  ['es', 'Español'],
  ['ca', 'Català'],
  ['it', 'Italiano'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
];

const organisationTypes = ['city', 'government', 'business', 'research', 'education', 'ngo', 'other'];

export interface DetailsForm {
  values: Record<DetailField, string>;
  /** The problem's `errors`, by field. */
  errors: Record<string, string>;
}

/** Where the registration stands, in words: the status, and what follows from it. */
export function statusPanel(p: ParticipantPage, registration: RegistrationView): Html {
  const lines = [
    registration.status === 'waitlisted' && registration.waitlistPosition ? p.t('registration.waitlistPlace', { place: registration.waitlistPosition }) : null,
    registration.status === 'pending_approval' ? p.t('registration.pending') : null,
    registration.status === 'rejected' && registration.rejectionReason ? p.t('registration.rejectedReason', { reason: registration.rejectionReason }) : null,
    registration.erasedAt ? p.t('registration.erasedText') : registration.status === 'cancelled' ? p.t('registration.cancelledText') : null,
    registration.checkedInAt ? p.t('registration.checkedIn', { when: formatInstant(registration.checkedInAt, registration.timezone, p.page.locale) }) : null,
  ];
  return html`<section class="registration-status" aria-labelledby="status-heading">
    <h2 id="status-heading">${p.t('registration.status')}: <span data-status="${registration.status}">${p.name('status', registration.status)}</span></h2>
    ${lines.filter(Boolean).map((line) => html`<p>${line}</p>`)}
  </section>`;
}

export function registrationPage(p: ParticipantPage, registration: RegistrationView, form: DetailsForm): Html {
  const active = !registration.erasedAt && registration.status !== 'cancelled';
  return html`${statusPanel(p, registration)}
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">${p.t('registration.details')}</h2>
      ${active ? detailsForm(p, registration, form) : detailsList(p, registration)}
    </section>
    ${
      registration.erasedAt
        ? ''
        : html`<section aria-labelledby="manage-heading">
            <h2 id="manage-heading">${p.t('registration.manage')}</h2>
            <ul class="participant-actions">
              ${active ? html`<li><a class="button button--secondary" href="/p/${registration.id}/registration/cancel">${p.t('registration.cancel')}</a></li>` : ''}
              <li><a class="button button--danger" href="/p/${registration.id}/registration/erase">${p.t('registration.erase')}</a></li>
            </ul>
          </section>`
    }`;
}

function detailsForm(p: ParticipantPage, registration: RegistrationView, form: DetailsForm): Html {
  const field = (name: DetailField, label: ParticipantKey, options: FieldOptions = {}) => input(p, form, name, label, options);
  const languageOptions = mailLanguages.some(([tag]) => tag === form.values.preferredLanguage)
    ? mailLanguages
    : [...mailLanguages, [form.values.preferredLanguage, form.values.preferredLanguage] as [string, string]];
  return html`<form method="post" action="/p/${registration.id}/registration" novalidate>
    <div class="field">
      <label for="field-email">${p.t('registration.email')}</label>
      <span class="hint" id="field-email-hint">${p.t('registration.emailHint')}</span>
      <input id="field-email" type="email" value="${registration.email}" readonly aria-describedby="field-email-hint" />
    </div>
    ${field('givenName', 'registration.givenName', { attributes: html`autocomplete="given-name" required` })}
    ${field('familyName', 'registration.familyName', { attributes: html`autocomplete="family-name" required` })}
    ${field('jobTitle', 'registration.jobTitle', { attributes: html`autocomplete="organization-title"` })}
    <fieldset class="participant-fieldset">
      <legend>${p.t('registration.organisation')}</legend>
      ${field('organisation.name', 'registration.organisationName', { attributes: html`autocomplete="organization" required` })}
      ${select(
        p,
        form,
        'organisation.type',
        'registration.organisationType',
        organisationTypes.map((type) => [type, p.name('organisationType', type)]),
      )}
      ${field('organisation.country', 'registration.country', { hint: 'registration.countryHint', attributes: html`maxlength="2" required` })}
      ${field('organisation.city', 'registration.city', { attributes: html`autocomplete="address-level2"` })}
    </fieldset>
    <div class="field">
      <label for="field-delegation">${p.t('registration.delegation')}</label>
      <span class="hint" id="field-delegation-hint">${p.t('registration.delegationHint')}</span>
      <input
        id="field-delegation"
        type="text"
        value="${registration.delegation ?? p.t('registration.none')}"
        readonly
        aria-describedby="field-delegation-hint"
      />
    </div>
    ${select(p, form, 'preferredLanguage', 'registration.preferredLanguage', languageOptions)}
    ${field('timezone', 'registration.timezone', { hint: 'registration.timezoneHint', attributes: html`list="time-zones" autocomplete="off" required` })}
    <datalist id="time-zones">${Intl.supportedValuesOf('timeZone').map((zone) => html`<option value="${zone}"></option>`)}</datalist>
    ${field('dietary', 'registration.dietary', { multiline: true })} ${field('accessibility', 'registration.accessibility', { multiline: true })}
    <button type="submit">${p.t('registration.save')}</button>
  </form>`;
}

interface FieldOptions {
  hint?: ParticipantKey;
  attributes?: Html;
  multiline?: boolean;
}

/** A labelled control with its value, its hint, and its error beside it (from the problem's `errors[].field`). */
function input(p: ParticipantPage, form: DetailsForm, field: DetailField, label: ParticipantKey, options: FieldOptions): Html {
  const id = `field-${field.replace('.', '-')}`;
  const error = form.errors[field];
  const described = [options.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const attributes = html`id="${id}" name="${field}" ${described ? html`aria-describedby="${described}"` : ''} ${error ? html`aria-invalid="true"` : ''}
  ${options.attributes ?? ''}`;
  return html`<div class="field${error ? ' field--invalid' : ''}">
    <label for="${id}">${p.t(label)}${optionalFields.has(field) ? html` <span class="muted">${p.t('registration.optional')}</span>` : ''}</label>
    ${options.hint ? html`<span class="hint" id="${id}-hint">${p.t(options.hint)}</span>` : ''}
    ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
    ${
      options.multiline
        ? html`<textarea rows="2" ${attributes}>${form.values[field]}</textarea>`
        : html`<input type="text" ${attributes} value="${form.values[field]}" />`
    }
  </div>`;
}

function select(p: ParticipantPage, form: DetailsForm, field: DetailField, label: ParticipantKey, options: [string, string][]): Html {
  const id = `field-${field.replace('.', '-')}`;
  const error = form.errors[field];
  return html`<div class="field${error ? ' field--invalid' : ''}">
    <label for="${id}">${p.t(label)}</label>
    ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : ''}
    <select id="${id}" name="${field}" ${error ? html`aria-invalid="true" aria-describedby="${id}-error"` : ''}>
      ${options.map(([value, name]) => html`<option value="${value}" ${value === form.values[field] ? html`selected` : ''}>${name}</option>`)}
    </select>
  </div>`;
}

function detailsList(p: ParticipantPage, registration: RegistrationView): Html {
  const rows: [ParticipantKey, string | null][] = [
    ['registration.email', registration.email],
    ['registration.givenName', registration.givenName],
    ['registration.familyName', registration.familyName],
    ['registration.organisationName', registration.organisation.name],
    ['registration.delegation', registration.delegation],
  ];
  return html`<dl class="participant-details">
    ${rows.map(
      ([term, value]) =>
        html`<dt>${p.t(term)}</dt>
          <dd>${value || p.t('registration.none')}</dd>`,
    )}
  </dl>`;
}

/** The step before something that cannot be undone: a page of its own with a plain form, so that it works without JavaScript. */
export function confirmationPage(p: ParticipantPage, registrationId: string, what: 'cancel' | 'erase'): Html {
  return html`<p>${p.t(what === 'cancel' ? 'registration.cancelConfirmText' : 'registration.eraseConfirmText')}</p>
    <form method="post" action="/p/${registrationId}/registration/${what}" class="participant-actions">
      <button type="submit" class="button--danger">${p.t(what === 'cancel' ? 'registration.cancelConfirm' : 'registration.eraseConfirm')}</button>
      <a class="button button--secondary" href="/p/${registrationId}/registration">${p.t('registration.keep')}</a>
    </form>`;
}
