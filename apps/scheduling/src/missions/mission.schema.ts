import { countryCode, localDate, timeZone } from '#contracts';
import { z } from 'zod';

export const createMissionSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only'),
    title: z.string().trim().min(1).max(200),
    startsOn: localDate,
    endsOn: localDate,
    timezone: timeZone,
    cities: z
      .array(z.object({ name: z.string().trim().min(1).max(120), country: countryCode, timezone: timeZone }))
      .min(1)
      .max(20),
    themes: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
  })
  .strict()
  .refine((mission) => mission.endsOn >= mission.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });

export type CreateMission = z.infer<typeof createMissionSchema>;
