import type { EventData } from '#contracts';

/** A mission as registration knows it from scheduling's events. */
export interface Mission extends Pick<EventData<'mission.created'>, 'code' | 'title' | 'startsOn' | 'endsOn' | 'timezone'> {
  id: string;
}

/** What a registration's events carry about its mission. */
export type MissionOfEvents = Pick<Mission, 'code' | 'title' | 'startsOn' | 'endsOn' | 'timezone'>;
