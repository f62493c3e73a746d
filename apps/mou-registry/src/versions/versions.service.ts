import { answerOnce, Problem, Transactions, type Caller, type IdempotencyKey } from '#common';
import { OutboxService } from '#messaging';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CLOCK, type Clock } from '../clock.js';
import { HistoryService } from '../history/history.service.js';
import { actorOf, MouAccessService } from '../mous/mou-access.service.js';
import { toMouEventData } from '../mous/mou.events.js';
import { MousRepository } from '../mous/mous.repository.js';
import { checkAmendmentSigning, checkNewVersion, documentTypes } from './version.rules.js';
import { toVersionView, type VersionView } from './version.view.js';
import { VersionsRepository } from './versions.repository.js';

export interface Document {
  content: Buffer;
  mediaType: string;
  sha256: string;
  version: number;
}

@Injectable()
export class VersionsService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly mous: MousRepository,
    private readonly repository: VersionsRepository,
    private readonly access: MouAccessService,
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
    return answerOnce(this.transactions, key, async (unit) => {
      const mou = await this.mous.lock(unit, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      const check = checkNewVersion(mou.status);
      if (!check.allowed) throw Problem.conflict('mou-closed', 'No new versions', check.reason, { currentStatus: mou.status });
      const row = await this.repository.insertNext(unit, mouId, {
        language,
        mediaType: baseType(mediaType),
        sha256,
        content: body,
        amendment: check.amendment,
        addedBy: actor,
        addedAt: now,
      });
      const { version } = row;
      await this.mous.touch(unit, mouId, now);
      await this.history.append(unit, mouId, {
        action: 'version_added',
        actor,
        at: now,
        details: { version, language, mediaType: row.mediaType, sha256, size: body.length, amendment: check.amendment },
      });
      await this.outbox.add(
        unit,
        'mou.version_added',
        { ...toMouEventData(mou), version, sha256, size: body.length, language },
        { subject: mouId, missionId: mou.missionId, time: now },
      );
      return toVersionView(row);
    });
  }

  async list(caller: Caller, mouId: string): Promise<VersionView[]> {
    await this.access.readable(caller, mouId);
    return (await this.repository.list(this.transactions.outside, mouId)).map(toVersionView);
  }

  /** The bytes as stored, with their hash, for anyone who may read the MoU. */
  async document(caller: Caller, mouId: string, version: number): Promise<Document> {
    await this.access.readable(caller, mouId);
    const row = await this.repository.document(this.transactions.outside, mouId, version);
    if (!row) throw Problem.notFound('Version', `${mouId} v${version}`);
    return { ...row, version };
  }

  /** Signs an amendment: from now on it is frozen, like the text first signed. */
  async signAmendment(caller: Caller, mouId: string, version: number, signing: { signedOn: string; signedPlace: string }): Promise<VersionView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      const mou = await this.mous.lock(unit, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      const current = await this.repository.signState(unit, mouId, version);
      if (!current) throw Problem.notFound('Version', `${mouId} v${version}`);
      const check = checkAmendmentSigning(mou.status, current);
      if (!check.allowed) throw Problem.conflict('version-not-signable', 'This version cannot be signed', check.reason, { currentStatus: mou.status });
      await this.repository.sign(unit, mouId, version, { signedOn: signing.signedOn, signedPlace: signing.signedPlace, signedBy: actor, signedAt: now });
      await this.mous.touch(unit, mouId, now);
      await this.history.append(unit, mouId, {
        action: 'amendment_signed',
        actor,
        at: now,
        details: { version, sha256: current.sha256, signedOn: signing.signedOn, signedPlace: signing.signedPlace },
      });
      await this.outbox.add(unit, 'mou.updated', toMouEventData(mou), { subject: mouId, missionId: mou.missionId, time: now });
      const versions = await this.repository.list(unit, mouId);
      return toVersionView(versions.find((v) => v.version === version)!);
    });
  }
}

function baseType(mediaType: string | undefined): string {
  return (mediaType ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
}
