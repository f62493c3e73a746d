import { countryCode, localDate, timeZone } from '#contracts';
import { z } from 'zod';

const city = z.object({ name: z.string().trim().min(1).max(120), country: countryCode, timezone: timeZone }).strict();

/** What describes a mission, apart from its code. */
const missionFields = {
  title: z.string().trim().min(1).max(200),
  startsOn: localDate,
  endsOn: localDate,
  timezone: timeZone,
  cities: z
    .array(city)
    .min(1)
    .max(20)
    .refine((cities) => new Set(cities.map((one) => one.name.toLowerCase())).size === cities.length, { message: 'must not name a city twice' }),
  themes: z.array(z.string().trim().min(1).max(80)).max(30),
};

export const createMissionSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore only'),
    ...missionFields,
    themes: missionFields.themes.default([]),
  })
  .strict()
  .refine((mission) => mission.endsOn >= mission.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });

export type CreateMission = z.infer<typeof createMissionSchema>;

/** A change to a mission: any of its fields but the code, which exports and references carry. */
export const updateMissionSchema = z
  .object(missionFields)
  .partial()
  .strict()
  .refine((change) => Object.keys(change).length > 0, { message: 'must change at least one field' });

export type MissionUpdate = z.infer<typeof updateMissionSchema>;
