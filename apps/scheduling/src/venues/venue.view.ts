import type { TransferTimeEntity, VenueEntity } from './venue.entity.js';

export interface VenueView {
  id: string;
  missionId: string;
  name: string;
  address: string;
  city: string;
  timezone: string;
  coordinates: { latitude: number; longitude: number } | null;
}

export function toVenueView(venue: VenueEntity): VenueView {
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

export function toTransferTimeView(transfer: TransferTimeEntity) {
  return { between: [transfer.cityA, transfer.cityB], minutes: transfer.minutes };
}
