import { assertOrganiserOf, Problem, type Caller, answerOnce, type IdempotencyKey, UnitOfWork, Transactions } from '#common';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { MissionEntity } from '../missions/mission.entity.js';
import { SessionEntity } from '../sessions/session.entity.js';
import { releasedContent, toSessionSnapshot } from '../sessions/session.view.js';
import type { AudiencedSession } from '../sessions/session-visibility.js';
import { programmeViewerOf, venuesOf } from '../sessions/sessions.service.js';
import { missionOf } from '../venues/venues.service.js';
import { releaseDiff, type Programme, type ReleaseChange } from './release-diff.js';
import { releaseSeenBy, type ReleaseView } from './release-view.js';

interface ReleaseRow {
  number: number;
  published_at: Date;
  published_by: string;
  note: string | null;
  programme: Programme;
  changes: ReleaseChange[];
}

/** Numbered releases of a mission's programme: each publishes what changed since the one before. */
@Injectable()
export class ReleasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async publish(caller: Caller, missionId: string, note: string | null = null, key?: IdempotencyKey): Promise<ReleaseView> {
    assertOrganiserOf(caller, missionId);
    const publishedBy = caller.kind === 'organiser' ? caller.subject : 'unknown';
    return answerOnce(new Transactions(this.dataSource), key, async ({ manager }) => {
      // The mission's row is the releases' lock: two releases at once would number and diff the same.
      const mission = await manager.findOne(MissionEntity, { where: { id: missionId }, lock: { mode: 'pessimistic_write' } });
      if (!mission) throw Problem.notFound('Mission', missionId);
      const [previous]: ReleaseRow[] = await manager.query(`SELECT * FROM releases WHERE mission_id = $1 ORDER BY number DESC LIMIT 1`, [missionId]);
      // In id order, the order every transaction that locks several sessions takes them in.
      const sessions = await manager.find(SessionEntity, { where: { missionId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      const programme: Programme = Object.fromEntries(sessions.map((session) => [session.id, releasedContent(session)]));
      const changes = releaseDiff(previous?.programme ?? {}, programme);
      if (changes.length === 0) {
        throw Problem.conflict(
          'nothing-to-release',
          'Nothing changed since the last release',
          `Release ${previous?.number ?? 0} is the programme as it stands.`,
        );
      }
      const number = (previous?.number ?? 0) + 1;
      const publishedAt = new Date();

      const added = sessions.filter((session) => changes.some((change) => change.change === 'added' && change.sessionId === session.id));
      if (added.length > 0) {
        await manager.update(SessionEntity, { id: In(added.map((session) => session.id)) }, { releasedAt: publishedAt });
        const venues = await venuesOf(manager, added);
        for (const session of added) {
          await this.outbox.add(UnitOfWork.of(manager), 'session.scheduled', toSessionSnapshot(session, venues.get(session.venueId ?? '') ?? null, mission), {
            subject: session.id,
            missionId,
            time: publishedAt,
          });
        }
      }
      await manager.query(
        `INSERT INTO releases (mission_id, number, published_at, published_by, note, programme, changes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [missionId, number, publishedAt, publishedBy, note, JSON.stringify(programme), JSON.stringify(changes)],
      );
      await this.outbox.add(
        UnitOfWork.of(manager),
        'schedule.published',
        { missionId, release: number, publishedAt: publishedAt.toISOString(), changes },
        { subject: missionId, missionId, time: publishedAt },
      );
      return { missionId, number, publishedAt: publishedAt.toISOString(), publishedBy, note, changes };
    });
  }

  /** Every release, the latest first, as the caller may see it (see `releaseSeenBy`). */
  async list(caller: Caller, missionId: string): Promise<{ items: ReleaseView[] }> {
    const manager = this.dataSource.manager;
    await missionOf(manager, missionId);
    const rows: ReleaseRow[] = await manager.query(
      `SELECT number, published_at, published_by, note, changes FROM releases WHERE mission_id = $1 ORDER BY number DESC`,
      [missionId],
    );
    const viewer = await programmeViewerOf(manager, caller, missionId);
    // An organiser sees every change; for anyone else, each change's session says whether it exists for them.
    const sessions = viewer.kind === 'organiser' ? new Map() : await audiencesOf(manager, missionId);
    return {
      items: rows.map((row) =>
        releaseSeenBy(
          { missionId, number: row.number, publishedAt: row.published_at.toISOString(), publishedBy: row.published_by, note: row.note, changes: row.changes },
          viewer,
          sessions,
        ),
      ),
    };
  }
}

async function audiencesOf(manager: EntityManager, missionId: string): Promise<Map<string, AudiencedSession>> {
  const sessions = await manager.find(SessionEntity, { select: { id: true, audience: true, speakers: true }, where: { missionId } });
  return new Map(sessions.map((session) => [session.id, session]));
}
