import {
  assertOrganiserOf,
  decodeCursor,
  encodeCursor,
  isUniqueViolation,
  isUuid,
  Problem,
  type Caller,
  type IdempotencyKey,
  type Page,
  type PageQuery,
  UnitOfWork,
} from '#common';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { MissionEntity } from './mission.entity.js';
import { changedMission } from './mission-change.js';
import type { CreateMission, MissionUpdate } from './mission.schema.js';
import type { MissionListItem, MissionView } from './mission.view.js';
import { MissionsRepository, type MissionsAfter } from './missions.repository.js';

@Injectable()
export class MissionsService {
  constructor(
    private readonly missions: MissionsRepository,
    private readonly outbox: OutboxService,
  ) {}

  async create(caller: Caller, input: CreateMission, key?: IdempotencyKey): Promise<MissionView> {
    // A new mission has no id yet, so only an organiser of every mission may create one.
    if (caller.kind !== 'organiser') throw Problem.unauthorized();
    if (!caller.missions.includes('*')) throw Problem.forbidden('Only an organiser of every mission may create one.');
    const id = randomUUID();
    const taken = () => Problem.conflict('mission-code-taken', 'Mission code already in use', `A mission with code ${input.code} exists.`);
    try {
      return await this.missions.transaction(async (manager) => {
        if (await this.missions.codeTaken(manager, input.code)) throw taken();
        const mission = await this.missions.insert(manager, { id, ...input, createdBy: caller.subject });
        await this.outbox.add(UnitOfWork.of(manager), 'mission.created', toSnapshot(mission), { subject: mission.id, missionId: mission.id });
        return toView(mission);
      }, key);
    } catch (error) {
      // Two creations with one code at once both pass the look-up; the unique constraint decides.
      if (isUniqueViolation(error, 'missions_code_key')) throw taken();
      throw error;
    }
  }

  /** Changes what describes the mission (not its code); `mission.updated` tells the services that keep a copy. */
  async update(caller: Caller, id: string, update: MissionUpdate): Promise<MissionView> {
    assertOrganiserOf(caller, id);
    return this.missions.transaction(async (manager) => {
      const mission = await this.missions.lock(manager, id);
      if (!mission) throw Problem.notFound('Mission', id);
      const { code: _code, missionId: _id, ...current } = toSnapshot(mission);
      const next = changedMission(current, update);
      if (!next) return toView(mission);
      const saved = await this.missions.save(manager, Object.assign(mission, next));
      await this.outbox.add(UnitOfWork.of(manager), 'mission.updated', toSnapshot(saved), { subject: saved.id, missionId: saved.id });
      return toView(saved);
    });
  }

  async get(id: string): Promise<MissionView> {
    const mission = await this.missions.find(id);
    if (!mission) throw Problem.notFound('Mission', id);
    return toView(mission);
  }

  /** The missions the organiser's token covers (every one for `missions: ["*"]`), latest start first. */
  async list(caller: Caller, page: PageQuery): Promise<Page<MissionListItem>> {
    if (caller.kind !== 'organiser') throw Problem.unauthorized();
    const after = cursorOf(page.cursor);
    // A token may name anything; only ids can name a mission.
    const ids = caller.missions.includes('*') ? 'all' : caller.missions.filter(isUuid);
    const missions = ids === 'all' || ids.length > 0 ? await this.missions.page(ids, after, page.limit + 1) : [];
    const items = missions.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((mission) => {
        const { createdAt: _createdAt, ...item } = toView(mission);
        return item;
      }),
      nextCursor: missions.length > page.limit && last ? encodeCursor([last.startsOn, last.id]) : null,
    };
  }
}

function cursorOf(cursor: string | undefined): MissionsAfter | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor);
  const [startsOn, id] = values ?? [];
  const written = typeof startsOn === 'string' && /^\d{4}-\d\d-\d\d$/.test(startsOn) && !Number.isNaN(Date.parse(startsOn));
  if (values?.length !== 2 || !written || !isUuid(id)) throw Problem.validation([{ field: 'cursor', message: 'is not a cursor of this list' }]);
  return { startsOn: startsOn as string, id };
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
