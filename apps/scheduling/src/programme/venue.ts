/** A place of a mission, in one of its cities. */
export interface Venue {
  id: string;
  missionId: string;
  name: string;
  address: string;
  /** One of the mission's cities, by name. */
  city: string;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  createdAt: Date;
}

/** Minutes of travel between two of a mission's cities; `cityA` < `cityB`. */
export interface TransferTime {
  missionId: string;
  cityA: string;
  cityB: string;
  minutes: number;
}
