import { instant, localDate, timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { approvalModes, type RegistrationSettings, type RegistrationWindow } from '../seats/seats.rules.js';
import type { Mission } from '../missions/mission.js';
import { DelegationRules } from '../delegations/delegation.rules.js';

/** What a registration form needs to know, for anyone: no seats, no counts, nothing of the organisers. */
export const registrationFormView = z.object({
  missionId: uuid,
  title: z.string(),
  startsOn: localDate,
  endsOn: localDate,
  timezone: timeZone.describe("The mission's time zone."),
  window: z
    .enum(['open', 'not-yet-open', 'closed'])
    .describe('Whether the form takes registrations now: `open`, or not yet (see `opensAt`), or no longer (see `closesAt`).'),
  opensAt: instant.nullable(),
  closesAt: instant.nullable(),
  approval: z.enum(approvalModes).describe('`manual`: each registration waits for an organiser to approve it.'),
  delegations: z
    .array(z.string())
    .describe('The names of the mission’s delegations, in order of precedence; empty when it has none (then the form takes any text).'),
  delegationOptions: z
    .array(z.object({ id: uuid, name: z.string().describe('In the caller’s language (`Accept-Language`), else the main name.'), parentId: uuid.nullable() }))
    .describe('The same delegations to choose from by id (`delegationId` of the form), with the one each lies within.'),
});

export type RegistrationFormView = z.infer<typeof registrationFormView>;

export function toRegistrationFormView(mission: Mission, settings: RegistrationSettings, window: RegistrationWindow, language?: string): RegistrationFormView {
  return {
    missionId: mission.id,
    title: mission.title,
    startsOn: mission.startsOn,
    endsOn: mission.endsOn,
    timezone: mission.timezone,
    window,
    opensAt: settings.opensAt?.toISOString() ?? null,
    closesAt: settings.closesAt?.toISOString() ?? null,
    approval: settings.approval,
    delegations: settings.delegations.map((delegation) => delegation.name),
    delegationOptions: settings.delegations.map((delegation) => ({
      id: delegation.id,
      name: DelegationRules.nameFor(delegation, language),
      parentId: delegation.parentId,
    })),
  };
}
