import { assertOrganiserOf, Problem, type Caller, answerOnce, type IdempotencyKey, Transactions } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { TransferTimes } from '../enrolments/conflict.rules.js';
import { MissionEntity } from '../missions/mission.entity.js';
import { TransferTimeEntity, VenueEntity } from './venue.entity.js';
import type { CreateVenue, TransferTime } from './venue.schema.js';
import { toTransferTimeView, toVenueView, type VenueView } from './venue.view.js';

/** The places of a mission: venues in its cities, and how long the journey between two cities takes. */
@Injectable()
export class VenuesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(caller: Caller, missionId: string, input: CreateVenue, key?: IdempotencyKey): Promise<VenueView> {
    assertOrganiserOf(caller, missionId);
    const mission = await missionOf(this.dataSource.manager, missionId);
    const city = mission.cities.find((candidate) => candidate.name === input.city);
    if (!city) throw notAMissionCity('city', input.city, mission);
    return answerOnce(new Transactions(this.dataSource), key, async ({ manager }) => {
      const venue = await manager.getRepository(VenueEntity).save({
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
    await missionOf(this.dataSource.manager, missionId);
    const venues = await this.dataSource.getRepository(VenueEntity).find({ where: { missionId }, order: { city: 'ASC', name: 'ASC' } });
    return { items: venues.map(toVenueView) };
  }

  async setTransferTime(caller: Caller, missionId: string, input: TransferTime) {
    assertOrganiserOf(caller, missionId);
    const mission = await missionOf(this.dataSource.manager, missionId);
    input.between.forEach((name, index) => {
      if (!mission.cities.some((city) => city.name === name)) throw notAMissionCity(`between.${index}`, name, mission);
    });
    const [cityA, cityB] = TransferTimes.pair(...input.between);
    const transfer = { missionId, cityA, cityB, minutes: input.minutes };
    await this.dataSource.getRepository(TransferTimeEntity).upsert(transfer, ['missionId', 'cityA', 'cityB']);
    return toTransferTimeView(transfer);
  }

  async transferTimes(missionId: string) {
    await missionOf(this.dataSource.manager, missionId);
    const rows = await this.dataSource.getRepository(TransferTimeEntity).find({ where: { missionId }, order: { cityA: 'ASC', cityB: 'ASC' } });
    return { items: rows.map(toTransferTimeView) };
  }
}

export async function missionOf(manager: EntityManager, missionId: string): Promise<MissionEntity> {
  const mission = await manager.findOneBy(MissionEntity, { id: missionId });
  if (!mission) throw Problem.notFound('Mission', missionId);
  return mission;
}

export async function transferTimesOf(manager: EntityManager, missionId: string): Promise<TransferTimes> {
  return new TransferTimes(await manager.findBy(TransferTimeEntity, { missionId }));
}

function notAMissionCity(field: string, name: string, mission: MissionEntity): Problem {
  return Problem.validation([{ field, message: `must be one of the mission's cities: ${mission.cities.map((city) => city.name).join(', ')} (not ${name})` }]);
}
