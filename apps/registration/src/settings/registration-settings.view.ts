import { instant, uuid } from '#contracts';
import { z } from 'zod';
import { approvalModes, type RegistrationSettings } from '../seats/seats.rules.js';

/** How a mission takes registrations, as the API answers it; the schema also documents the responses. */
export const registrationSettingsView = z.object({
  missionId: uuid,
  capacity: z.number().int().nonnegative(),
  opensAt: instant.nullable().describe('Registration is open from then on; null: no such limit.'),
  closesAt: instant.nullable().describe('Registration is open until then; null: no such limit.'),
  approval: z.enum(approvalModes),
  delegationQuotas: z
    .record(z.string(), z.number().int().nonnegative())
    .describe(
      'Deprecated (see `/missions/{id}/delegations`): most confirmed seats per delegation, by its name; a delegation without one is limited by the capacity only. A PUT that names it sets the quotas by name, creating a delegation for a new name.',
    ),
  confirmed: z.number().int().nonnegative().describe('Seats taken now.'),
  waitlisted: z.number().int().nonnegative(),
  updatedAt: instant,
});

export type RegistrationSettingsView = z.infer<typeof registrationSettingsView>;

export function toSettingsView(settings: RegistrationSettings): RegistrationSettingsView {
  return {
    missionId: settings.missionId,
    capacity: settings.capacity,
    opensAt: settings.opensAt?.toISOString() ?? null,
    closesAt: settings.closesAt?.toISOString() ?? null,
    approval: settings.approval,
    delegationQuotas: Object.fromEntries(settings.delegations.flatMap(({ name, quota }) => (quota === null ? [] : [[name, quota]]))),
    confirmed: settings.confirmedCount,
    waitlisted: settings.waitlistedCount,
    updatedAt: settings.updatedAt.toISOString(),
  };
}
