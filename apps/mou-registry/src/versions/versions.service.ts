import { Problem, type Caller, answerOnce, type IdempotencyKey, UnitOfWork } from '#common';
import { OutboxService } from '#messaging';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock.js';
import { HistoryService } from '../history/history.service.js';
import { MouAccess } from '../mous/mou.access.js';
import { MouStore } from '../mous/mou.store.js';
import { toMouEventData, toVersionView, type VersionRow, type VersionView } from '../mous/mou.view.js';
import { actorOf } from '../mous/mous.service.js';
import { checkAmendmentSigning, checkNewVersion, documentTypes } from './version.rules.js';

export interface Document {
  content: Buffer;
  mediaType: string;
  sha256: string;
  version: number;
}

@Injectable()
export class VersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: MouStore,
    private readonly access: MouAccess,
    private readonly history: HistoryService,
    private readonly outbox: OutboxService,
  ) {}

  /** Stores the document (in the database) with its SHA-256 and size, as the MoU's next version. */
  async add(caller: Caller, mouId: string, language: string, mediaType: string | undefined, body: unknown, key?: IdempotencyKey): Promise<VersionView> {
    const actor = actorOf(caller);
    if (!Buffer.isBuffer(body)) {
      throw new Problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'unsupported-media-type',
        'Unsupported media type',
        `Send the document itself as the body, as one of: ${documentTypes.join(', ')}.`,
      );
    }
    if (body.length === 0) throw Problem.validation([{ field: '(body)', message: 'the document is empty' }]);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const now = this.clock.now();
    return answerOnce(this.dataSource, key, async (manager) => {
      const mou = await this.store.lock(manager, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      const check = checkNewVersion(mou.status);
      if (!check.allowed) throw Problem.conflict('mou-closed', 'No new versions', check.reason, { currentStatus: mou.status });
      const [row]: VersionRow[] = await manager.query(
        `WITH next AS (SELECT coalesce(max(version), 0) + 1 AS version FROM mou_versions WHERE mou_id = $1)
         INSERT INTO mou_versions (mou_id, version, language, media_type, sha256, size, content, amendment, added_by, added_at)
         SELECT $1, next.version, $2, $3, $4, $5, $6, $7, $8, $9 FROM next
         RETURNING version, language, media_type AS "mediaType", sha256, size, amendment, added_at AS "addedAt", NULL AS "signedAt"`,
        [mouId, language, baseType(mediaType), sha256, body.length, body, check.amendment, actor, now],
      );
      const { version } = row!;
      await manager.query(`UPDATE mous SET updated_at = $2 WHERE id = $1`, [mouId, now]);
      await this.history.append(manager, mouId, {
        action: 'version_added',
        actor,
        at: now,
        details: { version, language, mediaType: row!.mediaType, sha256, size: body.length, amendment: check.amendment },
      });
      await this.outbox.add(
        UnitOfWork.of(manager),
        'mou.version_added',
        { ...toMouEventData(mou), version, sha256, size: body.length, language },
        { subject: mouId, missionId: mou.missionId, time: now },
      );
      return toVersionView(row!);
    });
  }

  async list(caller: Caller, mouId: string): Promise<VersionView[]> {
    await this.access.readable(caller, mouId);
    return (await this.store.versions(this.dataSource.manager, mouId)).map(toVersionView);
  }

  /** The bytes as stored, with their hash, for anyone who may read the MoU. */
  async document(caller: Caller, mouId: string, version: number): Promise<Document> {
    await this.access.readable(caller, mouId);
    const [row] = await this.dataSource.query(`SELECT content, media_type AS "mediaType", sha256 FROM mou_versions WHERE mou_id = $1 AND version = $2`, [
      mouId,
      version,
    ]);
    if (!row) throw Problem.notFound('Version', `${mouId} v${version}`);
    return { ...row, version };
  }

  /** Signs an amendment: from now on it is frozen, like the text first signed. */
  async signAmendment(caller: Caller, mouId: string, version: number, signing: { signedOn: string; signedPlace: string }): Promise<VersionView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const mou = await this.store.lock(manager, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      const [current] = await manager.query(`SELECT amendment, signed_at AS "signedAt", sha256 FROM mou_versions WHERE mou_id = $1 AND version = $2`, [
        mouId,
        version,
      ]);
      if (!current) throw Problem.notFound('Version', `${mouId} v${version}`);
      const check = checkAmendmentSigning(mou.status, current);
      if (!check.allowed) throw Problem.conflict('version-not-signable', 'This version cannot be signed', check.reason, { currentStatus: mou.status });
      await manager.query(`UPDATE mou_versions SET signed_on = $3, signed_place = $4, signed_by = $5, signed_at = $6 WHERE mou_id = $1 AND version = $2`, [
        mouId,
        version,
        signing.signedOn,
        signing.signedPlace,
        actor,
        now,
      ]);
      await manager.query(`UPDATE mous SET updated_at = $2 WHERE id = $1`, [mouId, now]);
      await this.history.append(manager, mouId, {
        action: 'amendment_signed',
        actor,
        at: now,
        details: { version, sha256: current.sha256, signedOn: signing.signedOn, signedPlace: signing.signedPlace },
      });
      await this.outbox.add(UnitOfWork.of(manager), 'mou.updated', toMouEventData(mou), { subject: mouId, missionId: mou.missionId, time: now });
      const versions = await this.store.versions(manager, mouId);
      return toVersionView(versions.find((v) => v.version === version)!);
    });
  }
}

function baseType(mediaType: string | undefined): string {
  return (mediaType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
}
