/** One of a mission's cities; venues, transfer times and sessions' routes name it. */
export interface MissionCity {
  name: string;
  country: string;
  timezone: string;
}

/** A mission as scheduling keeps it. */
export interface Mission {
  id: string;
  code: string;
  title: string;
  /** `YYYY-MM-DD`. */
  startsOn: string;
  endsOn: string;
  timezone: string;
  cities: MissionCity[];
  themes: string[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
