import { instant, organisationTypes, registrationStatuses, uuid } from '#contracts';
import type { DelegationSnapshot } from '#contracts';
import { z } from 'zod';
import type { Registration } from '../seats/registration.js';
import type { Delegation, DelegationCounts } from './delegation.js';
import { DelegationRules } from './delegation.rules.js';

const counts = z.object({ confirmed: z.number().int(), waitlisted: z.number().int(), pendingApproval: z.number().int() });

/** A delegation as the API answers it; the schema also documents the responses. */
export const delegationView = z.object({
  id: uuid,
  missionId: uuid,
  name: z.string().describe('In the caller’s language (`Accept-Language`), else the main name.'),
  names: z.record(z.string(), z.string()),
  country: z.string(),
  city: z.string().nullable(),
  parentId: uuid.nullable(),
  headRegistrationId: uuid.nullable(),
  precedence: z.number().int().positive(),
  quota: z.number().int().nonnegative().nullable(),
  registrations: counts.describe('Its own registrations per state.'),
  withSubDelegations: counts.describe('Its registrations and those of every delegation within it.'),
  invitationPath: z.string().describe('The registration form with this delegation chosen, for the head to share (a path of the web entry).'),
  updatedAt: instant,
});
export type DelegationView = z.infer<typeof delegationView>;

export const delegationList = z.object({ items: z.array(delegationView) });

/** A member as the organisers and the delegation's head see them. */
export const memberView = z.object({
  registrationId: uuid,
  status: z.enum(registrationStatuses),
  givenName: z.string(),
  familyName: z.string(),
  email: z.string(),
  organisation: z.object({ name: z.string(), type: z.enum(organisationTypes), country: z.string() }),
  delegationId: uuid,
  delegation: z.string(),
  role: z.string().nullable(),
  head: z.boolean().describe('Whether they head this delegation.'),
});
export type MemberView = z.infer<typeof memberView>;
export const memberList = z.object({ items: z.array(memberView) });

const zero: DelegationCounts = { confirmed: 0, waitlisted: 0, pendingApproval: 0 };

export function toDelegationView(
  delegation: Delegation,
  all: readonly Delegation[],
  counts: ReadonlyMap<string, DelegationCounts>,
  acceptLanguage: string | undefined,
): DelegationView {
  const within = DelegationRules.subtree(all, delegation.id).map((id) => counts.get(id) ?? zero);
  return {
    id: delegation.id,
    missionId: delegation.missionId,
    name: DelegationRules.nameFor(delegation, acceptLanguage),
    names: delegation.names,
    country: delegation.country,
    city: delegation.city,
    parentId: delegation.parentId,
    headRegistrationId: delegation.headRegistrationId,
    precedence: delegation.precedence,
    quota: delegation.quota,
    registrations: counts.get(delegation.id) ?? zero,
    withSubDelegations: within.reduce((sum, one) => ({
      confirmed: sum.confirmed + one.confirmed,
      waitlisted: sum.waitlisted + one.waitlisted,
      pendingApproval: sum.pendingApproval + one.pendingApproval,
    })),
    invitationPath: `/m/${delegation.missionId}/register?delegationId=${delegation.id}`,
    updatedAt: delegation.updatedAt.toISOString(),
  };
}

export function toMemberView(registration: Registration, delegations: readonly Delegation[]): MemberView {
  const delegation = delegations.find((one) => one.id === registration.delegationId);
  return {
    registrationId: registration.id,
    status: registration.status,
    givenName: registration.givenName,
    familyName: registration.familyName,
    email: registration.email,
    organisation: { name: registration.organisationName, type: registration.organisationType, country: registration.organisationCountry },
    delegationId: registration.delegationId!,
    delegation: delegation?.name ?? registration.delegation ?? '',
    role: registration.delegationRole,
    head: delegation?.headRegistrationId === registration.id,
  };
}

/** What `delegation.saved` carries. */
export function toDelegationSnapshot(delegation: Delegation, occurredAt: Date): DelegationSnapshot {
  return {
    delegationId: delegation.id,
    missionId: delegation.missionId,
    name: delegation.name,
    names: delegation.names,
    country: delegation.country as DelegationSnapshot['country'],
    city: delegation.city,
    parentId: delegation.parentId,
    headRegistrationId: delegation.headRegistrationId,
    precedence: delegation.precedence,
    quota: delegation.quota,
    occurredAt: occurredAt.toISOString(),
  };
}
