import { answerOnce, type IdempotencyKey, Transactions } from '#common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MissionEntity } from './mission.entity.js';

/** Where a page of missions starts: after this mission, in the list's order (latest start first). */
export interface MissionsAfter {
  startsOn: string;
  id: string;
}

/** Every query of the missions table. */
@Injectable()
export class MissionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One transaction; with an Idempotency-Key, the key is claimed in it and the answer kept with the change. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>, key?: IdempotencyKey): Promise<T> {
    return answerOnce(new Transactions(this.dataSource), key, ({ manager }) => work(manager));
  }

  codeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return manager.exists(MissionEntity, { where: { code } });
  }

  insert(manager: EntityManager, mission: Omit<MissionEntity, 'createdAt' | 'updatedAt'>): Promise<MissionEntity> {
    return manager.save(manager.create(MissionEntity, mission));
  }

  /** The mission, locked until the caller's transaction ends. */
  lock(manager: EntityManager, id: string): Promise<MissionEntity | null> {
    return manager.findOne(MissionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, mission: MissionEntity): Promise<MissionEntity> {
    return manager.save(mission);
  }

  find(id: string): Promise<MissionEntity | null> {
    return this.dataSource.getRepository(MissionEntity).findOneBy({ id });
  }

  /**
   * Up to `limit` missions after `after`, latest start first (then by id, so that the order is total
   * and a page boundary never skips or repeats one); only those of `ids` unless it is 'all'.
   */
  page(ids: readonly string[] | 'all', after: MissionsAfter | null, limit: number): Promise<MissionEntity[]> {
    return this.dataSource
      .createQueryBuilder(MissionEntity, 'mission')
      .where(ids === 'all' ? 'TRUE' : 'mission.id = ANY(:ids::uuid[])', ids === 'all' ? {} : { ids })
      .andWhere(after ? '(mission.startsOn, mission.id) < (:startsOn::date, :id::uuid)' : 'TRUE', after ?? {})
      .orderBy('mission.startsOn', 'DESC')
      .addOrderBy('mission.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
