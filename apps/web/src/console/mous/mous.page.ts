import type { ProblemDetails } from '#common';
import { partyKinds } from '#contracts';
import { html } from '../../kit/html.js';
import { translator, type Translate } from '../../kit/messages.js';
import type { PageContext } from '../../kit/page-context.js';
import { formatDate } from '../../kit/time.js';
import { consoleLayout } from '../console.layout.js';
import { errorSummary, field, type FieldErrors } from '../forms/form-field.js';
import type { ConsoleMission } from '../organiser-api.js';
import { PARTY_ROWS, SIGNATORY_ROWS, type FormFields } from './mou-form.js';
import { mousMessages } from './mous.messages.js';
import type { ConsoleMou } from './mous.service.js';

export type MousTranslate = Translate<keyof (typeof mousMessages)['en'] & string>;

/** `/console/m/:missionId/mous`: the mission's MoUs, whatever their visibility, with their status. */
export function mouListPage(page: PageContext, mission: ConsoleMission, mous: ConsoleMou[]): string {
  const t = translator(mousMessages, page.language);
  const main = html`<h1>${t('title')}</h1>
    <p>${t('intro')}</p>
    <p><a class="button" href="/console/m/${mission.id}/mous/new">${t('newMou')}</a> <a href="/m/${mission.id}/mous">${t('publicRegister')}</a></p>
    ${
      mous.length === 0
        ? html`<p>${t('none')}</p>`
        : html`<div class="table-scroll" role="region" aria-label="${t('title')}" tabindex="0">
            <table class="mous">
              <thead>
                <tr>
                  <th scope="col">${t('reference')}</th>
                  <th scope="col">${t('mouTitle')}</th>
                  <th scope="col">${t('status')}</th>
                  <th scope="col">${t('visibility')}</th>
                  <th scope="col">${t('parties')}</th>
                  <th scope="col">${t('signed')}</th>
                </tr>
              </thead>
              <tbody>
                ${mous.map(
                  (mou) =>
                    html`<tr data-mou="${mou.id}">
                      <td>${mou.reference}</td>
                      <th scope="row"><a href="/console/m/${mission.id}/mous/${mou.id}">${mou.title}</a></th>
                      <td>${t(`status.${mou.status}`)}</td>
                      <td>${t(`visibility.${mou.visibility}`)}</td>
                      <td>${mou.parties.map((party) => party.name).join('; ')}</td>
                      <td>${mou.signedOn ? formatDate(mou.signedOn, page.language) : ''}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }`;
  return consoleLayout(page, { title: t('title'), mission, current: 'mous', main });
}

export interface NewMouView {
  mission: ConsoleMission;
  idempotencyKey: string;
  form?: FormFields;
  problem?: ProblemDetails;
  errors?: FieldErrors;
}

/** `/console/m/:missionId/mous/new`: the MoU's record in one plain form, with rows for parties and signatories. */
export function newMouPage(page: PageContext, view: NewMouView): string {
  const t = translator(mousMessages, page.language);
  const errors = view.errors ?? {};
  const form = view.form ?? {};
  const value = (name: string) => form[name] ?? '';
  const kinds = partyKinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }));
  const labels: Record<string, string> = {
    title: t('mouTitle'),
    'summary.en': t('summaryEn'),
    themes: t('themes'),
    signedOn: t('signedOn'),
    signedPlace: t('signedPlace'),
    entryIntoForceOn: t('entryIntoForceOn'),
    expiresOn: t('expiresOn'),
    parties: t('partiesLegend'),
    signatories: t('signatoriesLegend'),
  };
  const main = html`<h1>${t('createTitle')}</h1>
    <p><a href="/console/m/${view.mission.id}/mous">${t('backToList')}</a></p>
    ${errorSummary(view.problem, errors, t('notCreated'), labels)}
    <form method="post" action="/console/m/${view.mission.id}/mous" class="mou-form">
      <input type="hidden" name="idempotencyKey" value="${view.idempotencyKey}" />
      ${field({ name: 'title', label: t('mouTitle'), value: value('title'), required: true, errors, attributes: html`maxlength="300"` })}
      ${field({ name: 'summary.en', label: t('summaryEn'), hint: t('summaryHint'), value: value('summary.en'), multiline: true, errors })}
      ${field({ name: 'summary.zh', label: t('summaryZh'), value: value('summary.zh'), multiline: true, errors })}
      ${field({ name: 'themes', label: t('themes'), hint: t('themesHint'), value: value('themes'), errors })}
      <fieldset class="rows${errors.parties ? ' field--invalid' : ''}" id="f-parties" tabindex="-1">
        <legend>${t('partiesLegend')}</legend>
        ${errors.parties ? html`<span class="field-error">${errors.parties}</span>` : ''}
        ${Array.from({ length: PARTY_ROWS }, (_, index) => {
          const row = `parties.${index}.`;
          return html`<fieldset class="row">
            <legend>${t('party', { number: index + 1 })}</legend>
            ${field({ name: `${row}name`, label: t('partyName'), value: value(`${row}name`), errors })}
            ${field({ name: `${row}kind`, label: t('partyKind'), value: value(`${row}kind`), errors, choices: kinds })}
            ${field({ name: `${row}country`, label: t('partyCountry'), hint: t('partyCountryHint'), value: value(`${row}country`), errors, attributes: html`autocapitalize="characters"` })}
            ${field({ name: `${row}city`, label: t('partyCity'), value: value(`${row}city`), errors })}
          </fieldset>`;
        })}
      </fieldset>
      <fieldset class="rows" id="f-signatories" tabindex="-1">
        <legend>${t('signatoriesLegend')}</legend>
        ${errors.signatories ? html`<span class="field-error">${errors.signatories}</span>` : ''}
        ${Array.from({ length: SIGNATORY_ROWS }, (_, index) => {
          const row = `signatories.${index}.`;
          return html`<fieldset class="row">
            <legend>${t('signatory', { number: index + 1 })}</legend>
            ${field({ name: `${row}name`, label: t('signatoryName'), value: value(`${row}name`), errors })}
            ${field({ name: `${row}title`, label: t('signatoryTitle'), value: value(`${row}title`), errors })}
            ${field({ name: `${row}party`, label: t('signatoryParty'), value: value(`${row}party`), errors })}
          </fieldset>`;
        })}
      </fieldset>
      ${field({ name: 'signedOn', label: t('signedOn'), type: 'date', value: value('signedOn'), errors })}
      ${field({ name: 'signedPlace', label: t('signedPlace'), value: value('signedPlace'), errors })}
      ${field({ name: 'entryIntoForceOn', label: t('entryIntoForceOn'), type: 'date', value: value('entryIntoForceOn'), errors })}
      ${field({ name: 'expiresOn', label: t('expiresOn'), type: 'date', value: value('expiresOn'), errors })}
      ${field({
        name: 'visibility',
        label: t('visibility'),
        value: value('visibility') || 'organisers',
        errors,
        choices: [
          { value: 'organisers', label: t('visibility.organisers') },
          { value: 'public', label: t('visibility.public') },
        ],
      })}
      <button type="submit">${t('create')}</button>
    </form>`;
  return consoleLayout(page, { title: t('createTitle'), mission: view.mission, current: 'mous', main });
}
