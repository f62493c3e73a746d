import type { Translations } from './session.js';

/** A place of a mission, in one of its cities. */
export interface Venue {
  id: string;
  missionId: string;
  /** In the mission's first language; `names` has its translations. */
  name: string;
  names: Translations;
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

/** A room of a venue (the forum's hall, a meeting room); a session may take it instead of the whole venue. */
export interface Room {
  id: string;
  venueId: string;
  /** In the mission's first language; `names` has its translations. */
  name: string;
  names: Translations;
  /** Seats: a session in the room has no more. */
  capacity: number;
  createdAt: Date;
}
