import { sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import type { documentTypes } from './version.rules.js';

export interface VersionRow {
  version: number;
  language: string;
  mediaType: (typeof documentTypes)[number];
  sha256: string;
  size: number;
  amendment: boolean;
  addedAt: Date;
  signedOn: string | null;
  signedPlace: string | null;
  signedAt: Date | null;
}

export interface DocumentRow {
  content: Buffer;
  mediaType: string;
  sha256: string;
}

/** A new version of the text, as the service has decided it. */
export interface NewVersion {
  language: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
  amendment: boolean;
  addedBy: string;
  addedAt: Date;
}

/** A signature of a version: when, where and by whom. */
export interface Signing {
  signedOn: string;
  signedPlace: string;
  signedBy: string;
  signedAt: Date;
}

const VERSION_COLUMNS = `version, language, media_type AS "mediaType", sha256, size, amendment, added_at AS "addedAt",
  to_char(signed_on, 'YYYY-MM-DD') AS "signedOn", signed_place AS "signedPlace", signed_at AS "signedAt"`;

/** Every statement of the versions of the texts, `mou_versions`. */
@Injectable()
export class VersionsRepository {
  list(unit: UnitOfWork, mouId: string): Promise<VersionRow[]> {
    return unit.query<VersionRow>(sql(`SELECT ${VERSION_COLUMNS} FROM mou_versions WHERE mou_id = $1 ORDER BY version`, [mouId]));
  }

  /** Stores `version` as the MoU's next one (numbered in the MoU's lock, which the caller holds). */
  async insertNext(unit: UnitOfWork, mouId: string, version: NewVersion): Promise<VersionRow> {
    const [row] = await unit.query<VersionRow>(
      sql(
        `WITH next AS (SELECT coalesce(max(version), 0) + 1 AS version FROM mou_versions WHERE mou_id = $1)
         INSERT INTO mou_versions (mou_id, version, language, media_type, sha256, size, content, amendment, added_by, added_at)
         SELECT $1, next.version, $2, $3, $4, $5, $6, $7, $8, $9 FROM next
         RETURNING version, language, media_type AS "mediaType", sha256, size, amendment, added_at AS "addedAt", NULL AS "signedAt"`,
        [
          mouId,
          version.language,
          version.mediaType,
          version.sha256,
          version.content.length,
          version.content,
          version.amendment,
          version.addedBy,
          version.addedAt,
        ],
      ),
    );
    return row!;
  }

  async document(unit: UnitOfWork, mouId: string, version: number): Promise<DocumentRow | undefined> {
    const [row] = await unit.query<DocumentRow>(
      sql(`SELECT content, media_type AS "mediaType", sha256 FROM mou_versions WHERE mou_id = $1 AND version = $2`, [mouId, version]),
    );
    return row;
  }

  /** What decides whether a version may be signed. */
  async signState(unit: UnitOfWork, mouId: string, version: number): Promise<{ amendment: boolean; signedAt: Date | null; sha256: string } | undefined> {
    const [row] = await unit.query<{ amendment: boolean; signedAt: Date | null; sha256: string }>(
      sql(`SELECT amendment, signed_at AS "signedAt", sha256 FROM mou_versions WHERE mou_id = $1 AND version = $2`, [mouId, version]),
    );
    return row;
  }

  async sign(unit: UnitOfWork, mouId: string, version: number, signing: Signing): Promise<void> {
    await unit.query(
      sql(`UPDATE mou_versions SET signed_on = $3, signed_place = $4, signed_by = $5, signed_at = $6 WHERE mou_id = $1 AND version = $2`, [
        mouId,
        version,
        signing.signedOn,
        signing.signedPlace,
        signing.signedBy,
        signing.signedAt,
      ]),
    );
  }

  /** Signs the MoU's latest version, answering which it was. */
  async signLatest(unit: UnitOfWork, mouId: string, signing: Signing): Promise<{ version: number; sha256: string }> {
    const [row] = await unit.query<{ version: number; sha256: string }>(
      sql(
        `UPDATE mou_versions SET signed_on = $2, signed_place = $3, signed_by = $4, signed_at = $5
         WHERE mou_id = $1 AND version = (SELECT max(version) FROM mou_versions WHERE mou_id = $1) RETURNING version, sha256`,
        [mouId, signing.signedOn, signing.signedPlace, signing.signedBy, signing.signedAt],
      ),
    );
    return row!;
  }
}
