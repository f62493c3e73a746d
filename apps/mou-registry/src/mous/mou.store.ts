import { Problem } from '#common';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MOU_COLUMNS, type MouRow, type SignatoryRow, type VersionRow } from './mou.view.js';

/** The registry's SQL for one MoU, shared by the use cases that read or change it. */
@Injectable()
export class MouStore {
  /** The MoU, its row locked until the transaction ends: changes to one MoU (and its trail) take turns. */
  async lock(manager: EntityManager, id: string): Promise<MouRow> {
    const [row] = await manager.query(`SELECT ${MOU_COLUMNS} FROM mous WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw Problem.notFound('MoU', id);
    return row;
  }

  async find(manager: EntityManager, id: string): Promise<MouRow> {
    const [row] = await manager.query(`SELECT ${MOU_COLUMNS} FROM mous WHERE id = $1`, [id]);
    if (!row) throw Problem.notFound('MoU', id);
    return row;
  }

  signatories(manager: EntityManager, id: string): Promise<SignatoryRow[]> {
    return manager.query(
      `SELECT position, name, title, party, registration_id AS "registrationId", erased_at AS "erasedAt"
       FROM mou_signatories WHERE mou_id = $1 ORDER BY position`,
      [id],
    );
  }

  versions(manager: EntityManager, id: string): Promise<VersionRow[]> {
    return manager.query(
      `SELECT version, language, media_type AS "mediaType", sha256, size, amendment, added_at AS "addedAt",
         to_char(signed_on, 'YYYY-MM-DD') AS "signedOn", signed_place AS "signedPlace", signed_at AS "signedAt"
       FROM mou_versions WHERE mou_id = $1 ORDER BY version`,
      [id],
    );
  }

  /** Sets columns of the MoU and answers the row as it now is. */
  async set(manager: EntityManager, id: string, columns: Record<string, unknown>): Promise<MouRow> {
    const names = Object.keys(columns);
    const [rows] = await manager.query(
      `UPDATE mous SET ${names.map((name, index) => `${name} = $${index + 2}`).join(', ')} WHERE id = $1 RETURNING ${MOU_COLUMNS}`,
      [id, ...Object.values(columns)],
    );
    return rows[0];
  }
}
