import { answerOnce, assertOrganiserOf, Problem, Transactions, type Caller, type IdempotencyKey } from '#common';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import { MissionsRepository } from '../missions/missions.repository.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import { toSessionSnapshot } from '../programme/session.events.js';
import { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { releasedContent, releaseDiff, type Programme } from './release-diff.rules.js';
import { releaseSeenBy, type ReleaseView } from './release.view.js';
import { ReleasesRepository } from './releases.repository.js';

/** Numbered releases of a mission's programme: each publishes what changed since the one before. */
@Injectable()
export class ReleasesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly releases: ReleasesRepository,
    private readonly sessions: SessionsRepository,
    private readonly sessionsService: SessionsService,
    private readonly programme: ProgrammeRepository,
    private readonly missions: MissionsRepository,
  ) {}

  async publish(caller: Caller, missionId: string, note: string | null = null, key?: IdempotencyKey): Promise<ReleaseView> {
    assertOrganiserOf(caller, missionId);
    const publishedBy = caller.kind === 'organiser' ? caller.subject : 'unknown';
    return answerOnce(this.transactions, key, async (unit) => {
      // The mission's row is the releases' lock: two releases at once would number and diff the same.
      const mission = await this.missions.lock(unit, missionId);
      if (!mission) throw Problem.notFound('Mission', missionId);
      const previous = await this.releases.latest(unit, missionId);
      const sessions = await this.sessions.lockAll(unit, missionId);
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
        await this.sessions.markReleased(
          unit,
          added.map((session) => session.id),
          publishedAt,
        );
        const venues = await this.programme.venuesOf(unit, added);
        for (const session of added) {
          await this.outbox.add(unit, 'session.scheduled', toSessionSnapshot(session, venues.get(session.venueId ?? '') ?? null, mission), {
            subject: session.id,
            missionId,
            time: publishedAt,
          });
        }
      }
      await this.releases.insert(unit, { missionId, number, publishedAt, publishedBy, note, programme, changes });
      await this.outbox.add(
        unit,
        'schedule.published',
        { missionId, release: number, publishedAt: publishedAt.toISOString(), changes },
        { subject: missionId, missionId, time: publishedAt },
      );
      return { missionId, number, publishedAt: publishedAt.toISOString(), publishedBy, note, changes };
    });
  }

  /** Every release, the latest first, as the caller may see it (see `releaseSeenBy`). */
  async list(caller: Caller, missionId: string): Promise<{ items: ReleaseView[] }> {
    const unit = this.transactions.outside;
    await this.missions.get(unit, missionId);
    const releases = await this.releases.list(unit, missionId);
    const viewer = await this.sessionsService.viewerOf(unit, caller, missionId);
    // An organiser sees every change; for anyone else, each change's session says whether it exists for them.
    const sessions = viewer.kind === 'organiser' ? new Map() : await this.sessions.audiencesOf(unit, missionId);
    return {
      items: releases.map((release) =>
        releaseSeenBy(
          {
            missionId,
            number: release.number,
            publishedAt: release.publishedAt.toISOString(),
            publishedBy: release.publishedBy,
            note: release.note,
            changes: release.changes,
          },
          viewer,
          sessions,
        ),
      ),
    };
  }
}
