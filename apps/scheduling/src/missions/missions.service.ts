import { assertOrganiserOf, Problem, type Caller, answerOnce, type IdempotencyKey } from '#common';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MissionEntity } from './mission.entity.js';
import { changedMission } from './mission-change.js';
import type { CreateMission, MissionUpdate } from './mission.schema.js';
import type { MissionView } from './mission.view.js';

@Injectable()
export class MissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async create(caller: Caller, input: CreateMission, key?: IdempotencyKey): Promise<MissionView> {
    // A new mission has no id yet, so only an organiser of every mission may create one.
    if (caller.kind !== 'organiser') throw Problem.unauthorized();
    if (!caller.missions.includes('*')) throw Problem.forbidden('Only an organiser of every mission may create one.');
    const id = randomUUID();
    return answerOnce(this.dataSource, key, async (manager) => {
      const clash = await manager.exists(MissionEntity, { where: { code: input.code } });
      if (clash) throw Problem.conflict('mission-code-taken', 'Mission code already in use', `A mission with code ${input.code} exists.`);
      const mission = await manager.save(manager.create(MissionEntity, { id, ...input, createdBy: caller.subject }));
      await this.outbox.add(manager, 'mission.created', toSnapshot(mission), { subject: mission.id, missionId: mission.id });
      return toView(mission);
    });
  }

  /** Changes what describes the mission (not its code); `mission.updated` tells the services that keep a copy. */
  async update(caller: Caller, id: string, update: MissionUpdate): Promise<MissionView> {
    assertOrganiserOf(caller, id);
    return this.dataSource.transaction(async (manager) => {
      const mission = await manager.findOne(MissionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mission) throw Problem.notFound('Mission', id);
      const { code: _code, missionId: _id, ...current } = toSnapshot(mission);
      const next = changedMission(current, update);
      if (!next) return toView(mission);
      const saved = await manager.save(Object.assign(mission, next));
      await this.outbox.add(manager, 'mission.updated', toSnapshot(saved), { subject: saved.id, missionId: saved.id });
      return toView(saved);
    });
  }

  async get(id: string): Promise<MissionView> {
    const mission = await this.dataSource.getRepository(MissionEntity).findOneBy({ id });
    if (!mission) throw Problem.notFound('Mission', id);
    return toView(mission);
  }
}

function toSnapshot(mission: MissionEntity) {
  return {
    missionId: mission.id,
    code: mission.code,
    title: mission.title,
    startsOn: mission.startsOn,
    endsOn: mission.endsOn,
    timezone: mission.timezone,
    cities: mission.cities,
    themes: mission.themes,
  };
}

function toView(mission: MissionEntity): MissionView {
  const { missionId, ...rest } = toSnapshot(mission);
  return { id: missionId, ...rest, createdAt: mission.createdAt.toISOString() };
}
