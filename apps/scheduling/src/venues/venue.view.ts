import { timeZone, uuid } from '#contracts';
import { z } from 'zod';
import type { TransferTime, Venue } from '../programme/venue.js';

/** A venue as the API answers it; the schema also documents the responses. */
export const venueView = z.object({
  id: uuid,
  missionId: uuid,
  name: z.string(),
  address: z.string(),
  city: z.string().describe("One of the mission's cities, by name."),
  timezone: timeZone,
  coordinates: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).nullable(),
});

export type VenueView = z.infer<typeof venueView>;

export const venueList = z.object({ items: z.array(venueView).describe('By city, then by name.') });

/** The time a journey between two of the mission's cities takes, either way. */
export const transferTimeView = z.object({
  between: z.tuple([z.string(), z.string()]).describe('The two cities, in name order.'),
  minutes: z.number().int().positive(),
});

export type TransferTimeView = z.infer<typeof transferTimeView>;

export const transferTimeList = z.object({ items: z.array(transferTimeView).describe('By the first city, then by the second.') });

export function toVenueView(venue: Venue): VenueView {
  return {
    id: venue.id,
    missionId: venue.missionId,
    name: venue.name,
    address: venue.address,
    city: venue.city,
    timezone: venue.timezone,
    coordinates: venue.latitude !== null && venue.longitude !== null ? { latitude: venue.latitude, longitude: venue.longitude } : null,
  };
}

export function toTransferTimeView(transfer: Pick<TransferTime, 'cityA' | 'cityB' | 'minutes'>): TransferTimeView {
  return { between: [transfer.cityA, transfer.cityB], minutes: transfer.minutes };
}
