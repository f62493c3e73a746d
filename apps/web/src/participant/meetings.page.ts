import { html, type Html } from '../kit/html.js';
import { twoClocks } from './agenda.page.js';
import type { DirectoryPerson, Meeting, Person, Profile, RegistrationView, Suggestion, Timetable } from './participant-api.js';
import type { ParticipantPage } from './participant-page.js';
import { formatSpan } from './participant-time.js';

export interface MeetingsPageInput {
  registration: RegistrationView;
  meetings: Meeting[];
  timetable: Timetable | null;
  /** The published profiles of the other participants, by registration id (scheduling keeps no names). */
  profiles: ReadonlyMap<string, Profile>;
  refusal?: { meetingId: string; words: string };
  /** The directory page shown, with the search that gave it; null when it could not be read. */
  people: { items: DirectoryPerson[]; nextCursor: string | null; q: string } | null;
  suggestions: Suggestion[] | null;
}

function counterpart(p: ParticipantPage, profiles: MeetingsPageInput['profiles'], registrationId: string, person?: Person): string {
  if (person?.name) return personLine(p, person);
  const delegation = profiles.get(registrationId)?.delegation;
  return delegation ? p.t('meetings.ofDelegation', { delegation }) : p.t('meetings.participant');
}

/** "Name (Organisation, Country)", never an e-mail address. */
export function personLine(p: ParticipantPage, person: Person): string {
  if (!person.name) return p.t('meetings.participant');
  return person.organisation ? p.t('meetings.person', { name: person.name, organisation: person.organisation, country: person.country ?? '' }) : person.name;
}

/** The other side of a meeting: its lead, and how many come with them to a group meeting. */
function otherSide(p: ParticipantPage, input: MeetingsPageInput, meeting: Meeting, other: string): string {
  const lead = other === meeting.requesterId ? meeting.requester : meeting.invitee;
  const who = counterpart(p, input.profiles, other, lead);
  const side = other === meeting.requesterId ? 'requester' : 'invitee';
  const more = (meeting.attendees ?? []).filter((attendee) => attendee.side === side && attendee.registrationId !== other).length;
  return more ? p.t('meetings.group', { who, count: more }) : who;
}

function suggestionsSection(p: ParticipantPage, input: MeetingsPageInput): Html {
  if (!input.suggestions) return html``;
  return html`<section aria-labelledby="suggestions-heading">
    <h2 id="suggestions-heading">${p.t('people.suggestions')}</h2>
    ${
      input.suggestions.length
        ? html`<ol class="sessions">
            ${input.suggestions.map(
              (suggestion) =>
                html`<li data-suggestion="${suggestion.person.registrationId}">
                  <h3>${personLine(p, suggestion.person)}</h3>
                  <p>
                    ${p.t('people.because', {
                      reasons: [...suggestion.reasons.themes, ...suggestion.reasons.sectors, ...suggestion.reasons.theyOffer, ...suggestion.reasons.theySeek]
                        .filter((reason, i, all) => all.indexOf(reason) === i)
                        .join(', '),
                    })}
                  </p>
                </li>`,
            )}
          </ol>`
        : html`<p>${p.t('people.noSuggestions')}</p>`
    }
  </section>`;
}

function directorySection(p: ParticipantPage, input: MeetingsPageInput): Html {
  const people = input.people;
  if (!people) return html``;
  const me = input.registration.id;
  const hidden = people.items.some((person) => person.registrationId === me && person.hidden);
  const next = people.nextCursor
    ? `/p/${me}/meetings?${new URLSearchParams({ ...(people.q ? { q: people.q } : {}), cursor: people.nextCursor })}#people-heading`
    : null;
  return html`<section aria-labelledby="people-heading">
    <h2 id="people-heading">${p.t('people.directory')}</h2>
    <form method="get" action="/p/${me}/meetings#people-heading" class="participant-search" role="search">
      <label for="people-q">${p.t('people.search')}</label>
      <input id="people-q" name="q" type="search" value="${people.q}" minlength="2" maxlength="100" />
      <button type="submit">${p.t('people.searchButton')}</button>
    </form>
    ${
      people.items.length
        ? html`<ol class="sessions">
            ${people.items.map(
              (person) =>
                html`<li data-person="${person.registrationId}">
                  <h3>${personLine(p, person)}</h3>
                  ${person.delegation ? html`<p>${p.t('meetings.ofDelegation', { delegation: person.delegation })}</p>` : ''}
                  ${person.profile ? profileLines(p, { registrationId: person.registrationId, delegation: person.delegation, ...person.profile }) : ''}
                </li>`,
            )}
          </ol>`
        : html`<p>${p.t('people.none')}</p>`
    }
    ${next ? html`<p><a href="${next}">${p.t('people.more')}</a></p>` : ''} ${hidden ? html`<p>${p.t('people.hiddenSelf')}</p>` : ''}
    <form method="post" action="/p/${me}/meetings/visibility">
      <input type="hidden" name="hidden" value="${hidden ? 'false' : 'true'}" />
      <button type="submit" class="button--secondary">${hidden ? p.t('people.show') : p.t('people.hide')}</button>
    </form>
  </section>`;
}

function profileLines(p: ParticipantPage, profile: Profile | undefined): Html {
  if (!profile) return html``;
  return html`<dl class="participant-profile">
    <div>
      <dt>${p.t('meetings.offers')}</dt>
      <dd>${profile.offers}</dd>
    </div>
    <div>
      <dt>${p.t('meetings.seeks')}</dt>
      <dd>${profile.seeks}</dd>
    </div>
  </dl>`;
}

export function meetingsPage(p: ParticipantPage, input: MeetingsPageInput): Html {
  const me = input.registration.id;
  const incoming = input.meetings.filter((meeting) => meeting.inviteeId === me);
  const outgoing = input.meetings.filter((meeting) => meeting.requesterId === me);
  const placed = input.timetable?.items ?? [];
  return html`${input.registration.status === 'confirmed' ? '' : html`<p>${p.t('meetings.onlyConfirmed')}</p>`}
    <section aria-labelledby="timetable-heading">
      <h2 id="timetable-heading">${p.t('meetings.timetable')}</h2>
      ${
        placed.length
          ? html`<ol class="sessions">
              ${placed.map(
                (item) =>
                  html`<li>
                    <h3>
                      ${
                        item.with && item.with.length > 1
                          ? p.t('meetings.group', { who: personLine(p, item.counterpart ?? item.with[0]), count: item.with.length - 1 })
                          : counterpart(p, input.profiles, item.counterpartId, item.counterpart)
                      }
                      · ${p.t('meetings.table', { table: item.table })}
                    </h3>
                    ${twoClocks(p, item.startsAt, item.endsAt, item.venueTime?.timezone ?? item.participantTime.timezone, input.registration.timezone)}
                    ${item.venue ? html`<p>${item.venue.name}, ${item.venue.city}</p>` : ''}
                    ${item.outcome ? html`<p>${p.name('outcome', item.outcome)}</p>` : ''}
                  </li>`,
              )}
            </ol>`
          : html`<p>${p.t('meetings.noTimetable')}</p>`
      }
    </section>
    <section aria-labelledby="incoming-heading">
      <h2 id="incoming-heading">${p.t('meetings.incoming')}</h2>
      ${
        incoming.length
          ? html`<ol class="sessions">
              ${incoming.map((meeting) => request(p, input, meeting, meeting.requesterId, true))}
            </ol>`
          : html`<p>${p.t('meetings.noIncoming')}</p>`
      }
    </section>
    <section aria-labelledby="outgoing-heading">
      <h2 id="outgoing-heading">${p.t('meetings.outgoing')}</h2>
      ${
        outgoing.length
          ? html`<ol class="sessions">
              ${outgoing.map((meeting) => request(p, input, meeting, meeting.inviteeId, false))}
            </ol>`
          : html`<p>${p.t('meetings.noOutgoing')}</p>`
      }
    </section>
    ${suggestionsSection(p, input)} ${directorySection(p, input)}`;
}

function request(p: ParticipantPage, input: MeetingsPageInput, meeting: Meeting, other: string, toMe: boolean): Html {
  const who = otherSide(p, input, meeting, other);
  const status = meeting.slot && meeting.status === 'accepted' ? 'scheduled' : meeting.status;
  const refusal = input.refusal?.meetingId === meeting.id ? input.refusal.words : null;
  return html`<li id="meeting-${meeting.id}">
    <h3>${toMe ? p.t('meetings.from', { who }) : p.t('meetings.with', { who })}</h3>
    ${profileLines(p, input.profiles.get(other))}
    <p data-meeting-status="${meeting.status}">${p.t('meetings.status', { status: p.name('meetingStatus', status) })}</p>
    ${
      meeting.slot
        ? html`<p>
            ${formatSpan(meeting.slot.startsAt, meeting.slot.endsAt, input.registration.timezone, p.page.locale)} ·
            ${p.t('meetings.table', { table: meeting.slot.table })}
          </p>`
        : ''
    }
    ${meeting.message ? html`<p>${p.t('meetings.message', { message: meeting.message })}</p>` : ''}
    ${refusal ? html`<p class="field-error">${refusal}</p>` : ''}
    ${
      toMe && meeting.status === 'requested'
        ? html`<div class="participant-actions">
            <form method="post" action="/p/${input.registration.id}/meetings/${meeting.id}/accept">
              <button type="submit" aria-label="${p.t('meetings.acceptFrom', { who })}">${p.t('meetings.accept')}</button>
            </form>
            <form method="post" action="/p/${input.registration.id}/meetings/${meeting.id}/decline">
              <button type="submit" class="button--secondary" aria-label="${p.t('meetings.declineFrom', { who })}">${p.t('meetings.decline')}</button>
            </form>
          </div>`
        : ''
    }
  </li>`;
}
