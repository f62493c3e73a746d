import { answerOnce, assertOrganiserOf, Problem, Transactions, type Caller, type IdempotencyKey } from '#common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Mission } from '../missions/mission.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import { TransferTimes } from '../programme/conflict.rules.js';
import type { CreateVenue, TransferTime } from './venue.schema.js';
import { toTransferTimeView, toVenueView, type VenueView } from './venue.view.js';
import { VenuesRepository } from './venues.repository.js';

/** The places of a mission: venues in its cities, and how long the journey between two cities takes. */
@Injectable()
export class VenuesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly missions: MissionsRepository,
    private readonly venues: VenuesRepository,
  ) {}

  async create(caller: Caller, missionId: string, input: CreateVenue, key?: IdempotencyKey): Promise<VenueView> {
    assertOrganiserOf(caller, missionId);
    const mission = await this.missions.get(this.transactions.outside, missionId);
    const city = mission.cities.find((candidate) => candidate.name === input.city);
    if (!city) throw notAMissionCity('city', input.city, mission);
    return answerOnce(this.transactions, key, async (unit) => {
      const venue = await this.venues.insert(unit, {
        id: randomUUID(),
        missionId,
        name: input.name,
        address: input.address,
        city: city.name,
        timezone: input.timezone ?? city.timezone,
        latitude: input.coordinates?.latitude ?? null,
        longitude: input.coordinates?.longitude ?? null,
      });
      return toVenueView(venue);
    });
  }

  async list(missionId: string): Promise<{ items: VenueView[] }> {
    const unit = this.transactions.outside;
    await this.missions.get(unit, missionId);
    return { items: (await this.venues.list(unit, missionId)).map(toVenueView) };
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
