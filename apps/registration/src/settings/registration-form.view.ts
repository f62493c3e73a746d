import { instant, localDate, timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { approvalModes, type RegistrationSettings, type RegistrationWindow } from '../seats/seats.rules.js';
import type { Mission } from '../missions/mission.js';

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
  delegations: z.array(z.string()).describe('The delegations the mission has configured (those with a quota), in order; empty when it has none.'),
});

export type RegistrationFormView = z.infer<typeof registrationFormView>;

export function toRegistrationFormView(mission: Mission, settings: RegistrationSettings, window: RegistrationWindow): RegistrationFormView {
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
    delegations: Object.keys(settings.delegationQuotas).sort((a, b) => a.localeCompare(b)),
  };
}
