import { html, type Html } from '../kit/html.js';
import { translator } from '../kit/messages.js';
import { delegationMessages } from './delegation.messages.js';
import type { ParticipantPage } from './participant-page.js';

export interface HeadedDelegation {
  id: string;
  name: string;
  parentId: string | null;
  withSubDelegations: { confirmed: number; waitlisted: number; pendingApproval: number };
  invitationPath: string;
}

export interface DelegationMember {
  registrationId: string;
  status: string;
  givenName: string;
  familyName: string;
  organisation: { name: string; country: string };
  delegationId: string;
  delegation: string;
  role: string | null;
  head: boolean;
}

/** The head's page: each delegation they head (sub-delegations included), its invitation link and its members, one card each so that it reads on a phone. */
export function delegationPage(
  p: ParticipantPage,
  registrationId: string,
  headed: readonly HeadedDelegation[],
  members: ReadonlyMap<string, DelegationMember[]>,
  origin: string,
): Html {
  const t = translator(delegationMessages, p.page.language);
  if (headed.length === 0) return html`<p>${t('none')}</p>`;
  const names = new Map(headed.map((delegation) => [delegation.id, delegation.name]));
  // Sub-delegations appear within their parent's member list; a card each for the delegations at the top of what they head.
  const tops = headed.filter((delegation) => !delegation.parentId || !names.has(delegation.parentId));
  // Their own agenda and meetings: the same token opens them at scheduling (a member's are theirs alone).
  const own = html`<p><a href="/p/${registrationId}/agenda">${t('agenda')}</a> · <a href="/p/${registrationId}/meetings">${t('meetings')}</a></p>`;
  return html`${own}
  ${tops.map((delegation) => {
    const list = members.get(delegation.id) ?? [];
    const link = `${origin}${delegation.invitationPath}`;
    return html`<section class="delegation-card" aria-labelledby="delegation-${delegation.id}">
      <h2 id="delegation-${delegation.id}">${delegation.name}</h2>
      <p>${t('counts', { confirmed: delegation.withSubDelegations.confirmed, waitlisted: delegation.withSubDelegations.waitlisted })}</p>
      <p>${t('invite')}</p>
      <p><a href="${link}">${link}</a></p>
      <h3>${t('members')}</h3>
      ${
        list.length === 0
          ? html`<p>${t('noMembers')}</p>`
          : html`<ul class="delegation-members">
              ${list.map(
                (member) =>
                  html`<li>
                    <p>
                      <strong>${member.givenName} ${member.familyName}</strong>${member.head ? html` · ${t('head')}` : ''} · ${member.organisation.name}
                      (${member.organisation.country}) ·
                      ${p.name('status', member.status)}${member.delegationId !== delegation.id ? html` · ${member.delegation}` : ''}
                    </p>
                    <form
                      method="post"
                      action="/p/${registrationId}/delegation/${member.delegationId}/members/${member.registrationId}/role"
                      class="inline-form"
                    >
                      <label for="role-${member.registrationId}">${t('role')}</label>
                      <input type="text" id="role-${member.registrationId}" name="role" value="${member.role ?? ''}" maxlength="80" />
                      <button type="submit">${t('saveRole')}</button>
                    </form>
                    ${
                      member.head
                        ? ''
                        : html`<form
                            method="post"
                            action="/p/${registrationId}/delegation/${member.delegationId}/members/${member.registrationId}/remove"
                            class="inline-form"
                          >
                            <button type="submit" class="button--quiet">${t('moveOut')}</button>
                          </form>`
                    }
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  })}`;
}
