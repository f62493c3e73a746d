import { html, type Html } from '../kit/html.js';
import { twoClocks } from './agenda.page.js';
import type { Meeting, Profile, RegistrationView, Timetable } from './participant-api.js';
import type { ParticipantPage } from './participant-page.js';
import { formatSpan } from './participant-time.js';

export interface MeetingsPageInput {
  registration: RegistrationView;
  meetings: Meeting[];
  timetable: Timetable | null;
  /** The published profiles of the other participants, by registration id (scheduling keeps no names). */
  profiles: ReadonlyMap<string, Profile>;
  refusal?: { meetingId: string; words: string };
}

function counterpart(p: ParticipantPage, profiles: MeetingsPageInput['profiles'], registrationId: string): string {
  const delegation = profiles.get(registrationId)?.delegation;
  return delegation ? p.t('meetings.ofDelegation', { delegation }) : p.t('meetings.participant');
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
                    <h3>${counterpart(p, input.profiles, item.counterpartId)} · ${p.t('meetings.table', { table: item.table })}</h3>
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
    </section>`;
}

function request(p: ParticipantPage, input: MeetingsPageInput, meeting: Meeting, other: string, toMe: boolean): Html {
  const who = counterpart(p, input.profiles, other);
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
