import { twoClocks } from './agenda.page.js';
import { html, type Html } from './html.js';
import type { Meeting, Profile, RegistrationView, Timetable } from './participant-api.js';
import type { PageContext } from './participant-page.js';
import { formatSpan } from './participant-time.js';

export interface MeetingsPageInput {
  registration: RegistrationView;
  meetings: Meeting[];
  timetable: Timetable | null;
  /** The published profiles of the other participants, by registration id (no names: scheduling keeps none). */
  profiles: ReadonlyMap<string, Profile>;
  refusal?: { meetingId: string; words: string };
}

function counterpart(context: PageContext, profiles: MeetingsPageInput['profiles'], registrationId: string): string {
  const delegation = profiles.get(registrationId)?.delegation;
  return delegation ? context.t.meetings.ofDelegation(delegation) : context.t.meetings.participant;
}

function profileLines(context: PageContext, profile: Profile | undefined): Html {
  if (!profile) return html``;
  const words = context.t.meetings;
  return html`<dl class="profile">
    <div>
      <dt>${words.offers}</dt>
      <dd>${profile.offers}</dd>
    </div>
    <div>
      <dt>${words.seeks}</dt>
      <dd>${profile.seeks}</dd>
    </div>
  </dl>`;
}

export function meetingsPage(context: PageContext, input: MeetingsPageInput): Html {
  const words = context.t.meetings;
  const me = input.registration.id;
  const incoming = input.meetings.filter((meeting) => meeting.inviteeId === me);
  const outgoing = input.meetings.filter((meeting) => meeting.requesterId === me);
  const placed = input.timetable?.items ?? [];
  return html`${input.registration.status === 'confirmed' ? '' : html`<p>${words.onlyConfirmed}</p>`}
    <section aria-labelledby="timetable-heading">
      <h2 id="timetable-heading">${words.timetable}</h2>
      ${
        placed.length
          ? html`<ol class="meetings">
              ${placed.map(
                (item) =>
                  html`<li class="meeting">
                    <h3>${counterpart(context, input.profiles, item.counterpartId)} · ${words.table(item.table)}</h3>
                    ${twoClocks(context, item.startsAt, item.endsAt, item.venueTime?.timezone ?? item.participantTime.timezone, input.registration.timezone)}
                    ${item.venue ? html`<p>${item.venue.name}, ${item.venue.city}</p>` : ''}
                    ${item.outcome ? html`<p>${words.outcomes[item.outcome] ?? item.outcome}</p>` : ''}
                  </li>`,
              )}
            </ol>`
          : html`<p>${words.noTimetable}</p>`
      }
    </section>
    <section aria-labelledby="incoming-heading">
      <h2 id="incoming-heading">${words.incoming}</h2>
      ${
        incoming.length
          ? html`<ol class="meetings">
              ${incoming.map((meeting) => request(context, input, meeting, meeting.requesterId, true))}
            </ol>`
          : html`<p>${words.noIncoming}</p>`
      }
    </section>
    <section aria-labelledby="outgoing-heading">
      <h2 id="outgoing-heading">${words.outgoing}</h2>
      ${
        outgoing.length
          ? html`<ol class="meetings">
              ${outgoing.map((meeting) => request(context, input, meeting, meeting.inviteeId, false))}
            </ol>`
          : html`<p>${words.noOutgoing}</p>`
      }
    </section>`;
}

function request(context: PageContext, input: MeetingsPageInput, meeting: Meeting, other: string, toMe: boolean): Html {
  const words = context.t.meetings;
  const who = counterpart(context, input.profiles, other);
  const status = meeting.slot && meeting.status === 'accepted' ? 'scheduled' : meeting.status;
  const refusal = input.refusal?.meetingId === meeting.id ? input.refusal.words : null;
  return html`<li class="meeting" id="meeting-${meeting.id}">
    <h3>${toMe ? words.from : words.to}: ${who}</h3>
    ${profileLines(context, input.profiles.get(other))}
    <p>${words.statusLabel}: <span data-meeting-status="${meeting.status}">${words.statuses[status] ?? status}</span></p>
    ${meeting.slot ? html`<p>${formatSpan(meeting.slot.startsAt, meeting.slot.endsAt, input.registration.timezone, context.locale)} · ${words.table(meeting.slot.table)}</p>` : ''}
    ${meeting.message ? html`<p>${words.message}: ${meeting.message}</p>` : ''} ${refusal ? html`<p class="error" role="alert">${refusal}</p>` : ''}
    ${
      toMe && meeting.status === 'requested'
        ? html`<div class="actions">
            <form method="post" action="/p/${input.registration.id}/meetings/${meeting.id}/accept">
              <button type="submit" aria-label="${words.acceptFrom(who)}">${words.accept}</button>
            </form>
            <form method="post" action="/p/${input.registration.id}/meetings/${meeting.id}/decline">
              <button type="submit" class="secondary" aria-label="${words.declineFrom(who)}">${words.decline}</button>
            </form>
          </div>`
        : ''
    }
  </li>`;
}
