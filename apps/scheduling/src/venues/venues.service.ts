import { answerOnce, assertOrganiserOf, Problem, Transactions, type Caller, type IdempotencyKey } from '#common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Mission } from '../missions/mission.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import { TransferTimes } from '../programme/conflict.rules.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import type { CreateRoom, CreateVenue, TransferTime } from './venue.schema.js';
import { toRoomView, toTransferTimeView, toVenueView, type RoomView, type VenueWithRoomsView } from './venue.view.js';
import { VenuesRepository } from './venues.repository.js';

/** The places of a mission: venues in its cities, and how long the journey between two cities takes. */
@Injectable()
export class VenuesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly missions: MissionsRepository,
    private readonly venues: VenuesRepository,
    private readonly programme: ProgrammeRepository,
  ) {}

  async create(caller: Caller, missionId: string, input: CreateVenue, key?: IdempotencyKey): Promise<VenueWithRoomsView> {
    assertOrganiserOf(caller, missionId);
    const mission = await this.missions.get(this.transactions.outside, missionId);
    const city = mission.cities.find((candidate) => candidate.name === input.city);
    if (!city) throw notAMissionCity('city', input.city, mission);
    return answerOnce(this.transactions, key, async (unit) => {
      const venue = await this.venues.insert(unit, {
        id: randomUUID(),
        missionId,
        name: input.name,
        names: input.names ?? {},
        address: input.address,
        city: city.name,
        timezone: input.timezone ?? city.timezone,
        latitude: input.coordinates?.latitude ?? null,
        longitude: input.coordinates?.longitude ?? null,
      });
      return { ...toVenueView(venue), rooms: [] };
    });
  }

  /** A room of the venue, with its seats: sessions may take it instead of the whole venue. */
  async createRoom(caller: Caller, missionId: string, venueId: string, input: CreateRoom, key?: IdempotencyKey): Promise<RoomView> {
    assertOrganiserOf(caller, missionId);
    return answerOnce(this.transactions, key, async (unit) => {
      await this.missions.get(unit, missionId);
      const venue = await this.programme.venue(unit, venueId);
      if (!venue || venue.missionId !== missionId) throw Problem.notFound('Venue', venueId);
      const room = await this.venues.insertRoom(unit, { id: randomUUID(), venueId, name: input.name, names: input.names ?? {}, capacity: input.capacity });
      if (!room) throw Problem.conflict('room-exists', 'The venue has a room of that name', `${venue.name} has a room called "${input.name}" already.`);
      return toRoomView(room);
    });
  }

  /** The venues with their rooms, names in the first of `accepted` languages each has. */
  async list(missionId: string, accepted: readonly string[] = []): Promise<{ items: VenueWithRoomsView[] }> {
    const unit = this.transactions.outside;
    await this.missions.get(unit, missionId);
    const rooms = await this.venues.rooms(unit, missionId);
    return {
      items: (await this.venues.list(unit, missionId)).map((venue) => ({
        ...toVenueView(venue, accepted),
        rooms: rooms.filter((room) => room.venueId === venue.id).map((room) => toRoomView(room, accepted)),
      })),
    };
  }

  async setTransferTime(caller: Caller, missionId: string, input: TransferTime) {
    assertOrganiserOf(caller, missionId);
    const unit = this.transactions.outside;
    const mission = await this.missions.get(unit, missionId);
    input.between.forEach((name, index) => {
      if (!mission.cities.some((city) => city.name === name)) throw notAMissionCity(`between.${index}`, name, mission);
    });
    const [cityA, cityB] = TransferTimes.pair(...input.between);
    const transfer = { missionId, cityA, cityB, minutes: input.minutes };
    await this.venues.setTransferTime(unit, transfer);
    return toTransferTimeView(transfer);
  }

  async transferTimes(missionId: string) {
    const unit = this.transactions.outside;
    await this.missions.get(unit, missionId);
    return { items: (await this.venues.transferTimes(unit, missionId)).map(toTransferTimeView) };
  }
}

function notAMissionCity(field: string, name: string, mission: Mission): Problem {
  return Problem.validation([{ field, message: `must be one of the mission's cities: ${mission.cities.map((city) => city.name).join(', ')} (not ${name})` }]);
}
