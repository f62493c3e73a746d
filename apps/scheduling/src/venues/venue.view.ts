import { timeZone, uuid } from '#contracts';
import { z } from 'zod';
import { inLanguage } from '../programme/languages.js';
import type { Room, TransferTime, Venue } from '../programme/venue.js';

const translationsView = z.record(z.string(), z.string());

/** A venue as the API answers it; the schema also documents the responses. */
export const venueView = z.object({
  id: uuid,
  missionId: uuid,
  name: z.string().describe("In the caller's language (Accept-Language) if the venue has it, else in the mission's first language."),
  names: translationsView.describe("The name's translations, by language tag, beside the one in the mission's first language."),
  address: z.string(),
  city: z.string().describe("One of the mission's cities, by name."),
  timezone: timeZone,
  coordinates: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullable(),
});

export type VenueView = z.infer<typeof venueView>;

/** A room of a venue as the API answers it. */
export const roomView = z.object({
  id: uuid,
  venueId: uuid,
  name: z.string().describe("In the caller's language (Accept-Language) if the room has it, else in the mission's first language."),
  names: translationsView,
  capacity: z.number().int().positive().describe('Seats: a session in the room has no more.'),
});

export type RoomView = z.infer<typeof roomView>;

export const venueWithRoomsView = venueView.extend({ rooms: z.array(roomView).describe('By name.') });

export type VenueWithRoomsView = z.infer<typeof venueWithRoomsView>;

export const venueList = z.object({ items: z.array(venueWithRoomsView).describe('By city, then by name.') });

/** The time a journey between two of the mission's cities takes, either way. */
export const transferTimeView = z.object({
  between: z.tuple([z.string(), z.string()]).describe('The two cities, in name order.'),
  minutes: z.number().int().positive(),
});

export type TransferTimeView = z.infer<typeof transferTimeView>;

export const transferTimeList = z.object({ items: z.array(transferTimeView).describe('By the first city, then by the second.') });

export function toVenueView(venue: Venue, accepted: readonly string[] = []): VenueView {
  return {
    id: venue.id,
    missionId: venue.missionId,
    name: inLanguage(venue.name, venue.names, accepted),
    names: venue.names,
    address: venue.address,
    city: venue.city,
    timezone: venue.timezone,
    coordinates: venue.latitude !== null && venue.longitude !== null ? { latitude: venue.latitude, longitude: venue.longitude } : null,
  };
}

export function toTransferTimeView(transfer: Pick<TransferTime, 'cityA' | 'cityB' | 'minutes'>): TransferTimeView {
  return { between: [transfer.cityA, transfer.cityB], minutes: transfer.minutes };
}

export function toRoomView(room: Room, accepted: readonly string[] = []): RoomView {
  return { id: room.id, venueId: room.venueId, name: inLanguage(room.name, room.names, accepted), names: room.names, capacity: room.capacity };
}
