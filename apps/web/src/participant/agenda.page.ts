import { randomUUID } from 'node:crypto';
import { html, type Html } from '../kit/html.js';
import type { Agenda, AgendaItem, Programme, ProgrammeItem, RegistrationView } from './participant-api.js';
import type { ParticipantPage } from './participant-page.js';
import { formatSpan } from './participant-time.js';

/** A time on the venue's clock and the participant's, side by side. */
export function twoClocks(p: ParticipantPage, startsAt: string, endsAt: string, venueZone: string, participantZone: string): Html {
  const locale = p.page.locale;
  return html`<dl class="participant-clocks">
    <div>
      <dt>${p.t('agenda.venueTime', { zone: venueZone })}</dt>
      <dd>${formatSpan(startsAt, endsAt, venueZone, locale)}</dd>
    </div>
    <div>
      <dt>${p.t('agenda.yourTime', { zone: participantZone })}</dt>
      <dd>${formatSpan(startsAt, endsAt, participantZone, locale)}</dd>
    </div>
  </dl>`;
}

function whereAndWho(p: ParticipantPage, item: ProgrammeItem): Html {
  return html`${item.parent ? html`<p class="muted">${p.t('agenda.partOf', { title: item.parent.title })}</p>` : ''}
  ${item.venue ? html`<p>${p.t('agenda.venue', { name: item.venue.name, city: item.venue.city })}</p>` : ''}
  ${item.room ? html`<p>${p.t('agenda.room', { name: item.room.name })}</p>` : ''}
  ${item.route ? html`<p>${p.t('agenda.route', { from: item.route.from, to: item.route.to })}</p>` : ''}
  ${item.hostEvent ? html`<p>${p.t('agenda.hostEvent', { event: item.hostEvent })}</p>` : ''}
  ${item.speakers.length ? html`<p>${p.t('agenda.speakers', { names: item.speakers.map((speaker) => speaker.name).join(', ') })}</p>` : ''}
  ${item.status === 'cancelled' ? html`<p class="participant-cancelled">${p.t('agenda.cancelledSession')}</p>` : ''}`;
}

export interface AgendaPageInput {
  registration: RegistrationView;
  programme: Programme | null;
  agenda: Agenda | null;
  /** A refused enrolment or leave, in words, and the session it was about. */
  refusal?: { sessionId: string; words: string };
}

export function agendaPage(p: ParticipantPage, input: AgendaPageInput): Html {
  const { registration } = input;
  const mine = input.agenda?.items ?? [];
  const inAgenda = new Map(mine.map((item) => [item.sessionId, item]));
  const confirmed = registration.status === 'confirmed';
  return html`<section aria-labelledby="mine-heading">
      <h2 id="mine-heading">${p.t('agenda.mine')}</h2>
      ${
        mine.length
          ? html`<ol class="sessions">
                ${mine.map((item) => mySession(p, registration, item, input.refusal))}
              </ol>
              <p><a href="/p/${registration.id}/agenda.ics" download>${p.t('agenda.download')}</a></p>`
          : html`<p>${p.t('agenda.none')}</p>`
      }
    </section>
    <section aria-labelledby="programme-heading">
      <h2 id="programme-heading">${p.t('agenda.programme')}</h2>
      ${confirmed ? '' : html`<p>${p.t('agenda.onlyConfirmed')}</p>`}
      ${
        input.programme?.items.length
          ? html`<ol class="sessions">
              ${input.programme.items.map((item) => programmeSession(p, registration, item, inAgenda.get(item.sessionId), confirmed, input.refusal))}
            </ol>`
          : html`<p>${p.t('agenda.programmeEmpty')}</p>`
      }
    </section>`;
}

/** A session held by another (a panel of the forum) is indented under it, one step per level (at most three). */
function nestedClass(item: ProgrammeItem): string {
  const depth = Math.min(item.depth ?? 0, 3);
  return depth > 0 ? `session--nested session--depth-${depth}` : '';
}

function refusalHere(refusal: AgendaPageInput['refusal'], sessionId: string, id: string): Html {
  return refusal?.sessionId === sessionId ? html`<p class="field-error" id="${id}">${refusal.words}</p>` : html``;
}

function mySession(p: ParticipantPage, registration: RegistrationView, item: AgendaItem, refusal: AgendaPageInput['refusal']): Html {
  const heading = `mine-${item.sessionId}`;
  return html`<li aria-labelledby="${heading}" class="${nestedClass(item)}">
    <h3 id="${heading}">${item.title}</h3>
    <p class="participant-role">${p.name('role', item.role)}</p>
    ${twoClocks(p, item.startsAt, item.endsAt, item.venueTime.timezone, registration.timezone)} ${whereAndWho(p, item)}
    ${refusalHere(refusal, item.sessionId, `mine-refusal-${item.sessionId}`)}
    ${
      item.enrolmentId && item.status === 'scheduled'
        ? html`<form method="post" action="/p/${registration.id}/agenda/leave">
            <input type="hidden" name="sessionId" value="${item.sessionId}" />
            <input type="hidden" name="enrolmentId" value="${item.enrolmentId}" />
            <button type="submit" class="button--secondary" aria-label="${p.t('agenda.leaveTitle', { title: item.title })}">${p.t('agenda.leave')}</button>
          </form>`
        : ''
    }
  </li>`;
}

function programmeSession(
  p: ParticipantPage,
  registration: RegistrationView,
  item: ProgrammeItem,
  mine: AgendaItem | undefined,
  confirmed: boolean,
  refusal: AgendaPageInput['refusal'],
): Html {
  const heading = `programme-${item.sessionId}`;
  const refusalId = `refusal-${item.sessionId}`;
  const canEnrol = confirmed && !mine && item.status === 'scheduled' && item.kind !== 'transfer';
  return html`<li id="session-${item.sessionId}" aria-labelledby="${heading}" class="${nestedClass(item)}">
    <h3 id="${heading}">${item.title}</h3>
    ${mine ? html`<p class="participant-role">${p.name('role', mine.role)}</p>` : ''}
    ${twoClocks(p, item.startsAt, item.endsAt, item.venueTime.timezone, registration.timezone)} ${whereAndWho(p, item)}
    ${refusalHere(refusal, item.sessionId, refusalId)}
    ${
      canEnrol
        ? html`<form method="post" action="/p/${registration.id}/agenda/enrol">
            <input type="hidden" name="sessionId" value="${item.sessionId}" />
            <input type="hidden" name="key" value="${randomUUID()}" />
            <button
              type="submit"
              aria-label="${p.t('agenda.enrolIn', { title: item.title })}"
              ${refusal?.sessionId === item.sessionId ? html`aria-describedby="${refusalId}"` : ''}
            >
              ${p.t('agenda.enrol')}
            </button>
          </form>`
        : ''
    }
  </li>`;
}
