import type { EventData } from '#contracts';

/** A mission as scheduling keeps it: what its events carry (`startsOn`/`endsOn` as `YYYY-MM-DD`), and who made it when. */
export interface Mission extends Omit<EventData<'mission.created'>, 'missionId'> {
  id: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One of a mission's cities; venues, transfer times and sessions' routes name it. */
export type MissionCity = Mission['cities'][number];
