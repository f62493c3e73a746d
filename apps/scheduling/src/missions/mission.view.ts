import { countryCode, instant, localDate, timeZone, uuid } from '#contracts';
import { pageOf } from '#common';
import { z } from 'zod';

/** A mission as the API answers it; the schema also documents the responses, so the two cannot drift apart. */
export const missionView = z.object({
  id: uuid,
  code: z.string(),
  title: z.string(),
  startsOn: localDate,
  endsOn: localDate,
  timezone: timeZone,
  cities: z.array(z.object({ name: z.string(), country: countryCode, timezone: timeZone })),
  themes: z.array(z.string()),
  createdAt: instant,
});

export type MissionView = z.infer<typeof missionView>;

/** A mission in the organiser's list of missions. */
export const missionListItem = missionView.omit({ createdAt: true });

export type MissionListItem = z.infer<typeof missionListItem>;

export const missionPage = pageOf(missionListItem);
