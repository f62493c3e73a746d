import { randomUUID } from 'node:crypto';
import { html, type Html } from './html.js';
import type { Agenda, AgendaItem, Programme, ProgrammeItem, RegistrationView } from './participant-api.js';
import type { PageContext } from './participant-page.js';
import { formatSpan } from './participant-time.js';

/** A time on the venue's clock and the participant's, side by side. */
export function twoClocks(context: PageContext, startsAt: string, endsAt: string, venueZone: string, participantZone: string): Html {
  const words = context.t.agenda;
  return html`<dl class="clocks">
    <div>
      <dt>${words.venueTime(venueZone)}</dt>
      <dd>${formatSpan(startsAt, endsAt, venueZone, context.locale)}</dd>
    </div>
    <div>
      <dt>${words.yourTime(participantZone)}</dt>
      <dd>${formatSpan(startsAt, endsAt, participantZone, context.locale)}</dd>
    </div>
  </dl>`;
}

function whereAndWho(context: PageContext, item: ProgrammeItem): Html {
  const words = context.t.agenda;
  return html`${item.venue ? html`<p>${words.venue}: ${item.venue.name}, ${item.venue.city}</p>` : ''}
  ${item.route ? html`<p>${words.route(item.route.from, item.route.to)}</p>` : ''} ${item.hostEvent ? html`<p>${words.hostEvent(item.hostEvent)}</p>` : ''}
  ${item.speakers.length ? html`<p>${words.speakers}: ${item.speakers.map((speaker) => speaker.name).join(', ')}</p>` : ''}
  ${item.status === 'cancelled' ? html`<p class="cancelled">${words.cancelledSession}</p>` : ''}`;
}

export interface AgendaPageInput {
  registration: RegistrationView;
  programme: Programme | null;
  agenda: Agenda | null;
  /** A refused enrolment or leave, in words, and the session it was about. */
  refusal?: { sessionId: string; words: string };
}

export function agendaPage(context: PageContext, input: AgendaPageInput): Html {
  const words = context.t.agenda;
  const { registration } = input;
  const mine = input.agenda?.items ?? [];
  const inAgenda = new Map(mine.map((item) => [item.sessionId, item]));
  const confirmed = registration.status === 'confirmed';
  return html`<section aria-labelledby="mine-heading">
      <h2 id="mine-heading">${words.mine}</h2>
      ${
        mine.length
          ? html`<ol class="sessions">
                ${mine.map((item) => mySession(context, registration, item, input.refusal))}
              </ol>
              <p><a href="/p/${registration.id}/agenda.ics" download>${words.subscribe}</a></p>`
          : html`<p>${words.none}</p>`
      }
    </section>
    <section aria-labelledby="programme-heading">
      <h2 id="programme-heading">${words.programme}</h2>
      ${confirmed ? '' : html`<p>${words.onlyConfirmed}</p>`}
      ${
        input.programme?.items.length
          ? html`<ol class="sessions">
              ${input.programme.items.map((item) => programmeSession(context, registration, item, inAgenda.get(item.sessionId), confirmed, input.refusal))}
            </ol>`
          : html`<p>${words.programmeEmpty}</p>`
      }
    </section>`;
}

function refusalHere(refusal: AgendaPageInput['refusal'], sessionId: string, id: string): Html {
  return refusal?.sessionId === sessionId ? html`<p class="error" id="${id}" role="alert">${refusal.words}</p>` : html``;
}

function mySession(context: PageContext, registration: RegistrationView, item: AgendaItem, refusal: AgendaPageInput['refusal']): Html {
  const words = context.t.agenda;
  const heading = `mine-${item.sessionId}`;
  return html`<li class="session" aria-labelledby="${heading}">
    <h3 id="${heading}">${item.title}</h3>
    <p class="role">${words.roles[item.role] ?? item.role}</p>
    ${twoClocks(context, item.startsAt, item.endsAt, item.venueTime.timezone, registration.timezone)} ${whereAndWho(context, item)}
    ${refusalHere(refusal, item.sessionId, `mine-refusal-${item.sessionId}`)}
    ${
      item.enrolmentId && item.status === 'scheduled'
        ? html`<form method="post" action="/p/${registration.id}/agenda/leave">
            <input type="hidden" name="sessionId" value="${item.sessionId}" /><input type="hidden" name="enrolmentId" value="${item.enrolmentId}" />
            <button type="submit" class="secondary" aria-label="${words.leaveTitle(item.title)}">${words.leave}</button>
          </form>`
        : ''
    }
  </li>`;
}

function programmeSession(
  context: PageContext,
  registration: RegistrationView,
  item: ProgrammeItem,
  mine: AgendaItem | undefined,
  confirmed: boolean,
  refusal: AgendaPageInput['refusal'],
): Html {
  const words = context.t.agenda;
  const heading = `programme-${item.sessionId}`;
  const refusalId = `refusal-${item.sessionId}`;
  const canEnrol = confirmed && !mine && item.status === 'scheduled' && item.kind !== 'transfer';
  return html`<li class="session" id="session-${item.sessionId}" aria-labelledby="${heading}">
    <h3 id="${heading}">${item.title}</h3>
    ${mine ? html`<p class="role">${words.roles[mine.role] ?? mine.role}</p>` : ''}
    ${twoClocks(context, item.startsAt, item.endsAt, item.venueTime.timezone, registration.timezone)} ${whereAndWho(context, item)}
    ${refusalHere(refusal, item.sessionId, refusalId)}
    ${
      canEnrol
        ? html`<form method="post" action="/p/${registration.id}/agenda/enrol">
            <input type="hidden" name="sessionId" value="${item.sessionId}" /><input type="hidden" name="key" value="${randomUUID()}" />
            <button
              type="submit"
              aria-label="${words.enrolIn(item.title)}"
              ${refusal?.sessionId === item.sessionId ? html` aria-describedby="${refusalId}"` : ''}
            >
              ${words.enrol}
            </button>
          </form>`
        : ''
    }
  </li>`;
}
