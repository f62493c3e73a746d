/** A mission as registration knows it from scheduling's events. */
export interface Mission {
  id: string;
  code: string;
  title: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
}

/** What a registration's events carry about its mission. */
export type MissionOfEvents = Pick<Mission, 'code' | 'title' | 'startsOn' | 'endsOn' | 'timezone'>;
