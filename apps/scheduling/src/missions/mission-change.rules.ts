import { Problem } from '#common';
import { isDeepStrictEqual } from 'node:util';
import type { MissionCity } from './mission.js';
import type { MissionUpdate } from './mission.schema.js';

export interface MissionDescription {
  title: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
  cities: MissionCity[];
  themes: string[];
}

/**
 * The mission as `update` leaves it, or null when it changes nothing (so nothing is announced).
 * Cities may be added but not removed or altered: venues, transfer times and sessions' routes name
 * them, and a venue took its city's time zone when it was created.
 */
export function changedMission(current: MissionDescription, update: MissionUpdate): MissionDescription | null {
  const next: MissionDescription = { ...current, ...update };
  if (next.endsOn < next.startsOn) {
    const field = update.endsOn !== undefined ? 'endsOn' : 'startsOn';
    throw Problem.validation([{ field, message: `the mission would end (${next.endsOn}) before it starts (${next.startsOn})` }]);
  }
  const lost = current.cities.filter((kept) => !next.cities.some((city) => sameCity(city, kept)));
  if (lost.length > 0) {
    throw Problem.unprocessable(
      'mission-city-kept',
      'A mission keeps its cities',
      `Venues, transfer times and sessions refer to a mission's cities: add cities, but keep ${lost.map((city) => city.name).join(', ')} as they are.`,
      { cities: lost.map((city) => city.name) },
    );
  }
  // The cities in another order are the same cities.
  const byName = (cities: MissionCity[]) => [...cities].sort((a, b) => a.name.localeCompare(b.name));
  return isDeepStrictEqual({ ...next, cities: byName(next.cities) }, { ...current, cities: byName(current.cities) }) ? null : next;
}

function sameCity(a: MissionCity, b: MissionCity): boolean {
  return a.name === b.name && a.country === b.country && a.timezone === b.timezone;
}
