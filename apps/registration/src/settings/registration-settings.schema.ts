import { instant } from '#contracts';
import { z } from 'zod';
import { approvalModes } from '../seats/seats.rules.js';

export const delegationName = z
  .string()
  .min(1)
  .max(100)
  .refine((name) => name === name.trim(), { message: 'must not start or end with spaces' });

export const registrationSettingsSchema = z
  .object({
    capacity: z.number().int().min(0).max(1_000_000),
    opensAt: instant.nullable().optional(),
    closesAt: instant.nullable().optional(),
    approval: z.enum(approvalModes),
    delegationQuotas: z
      .record(delegationName, z.number().int().min(0).max(1_000_000))
      .refine((quotas) => Object.keys(quotas).length <= 500, { message: 'at most 500 delegations' })
      .optional(),
  })
  .strict()
  .refine((settings) => !settings.opensAt || !settings.closesAt || new Date(settings.opensAt) < new Date(settings.closesAt), {
    path: ['closesAt'],
    message: 'must be after opensAt',
  });

export type RegistrationSettingsInput = z.infer<typeof registrationSettingsSchema>;
