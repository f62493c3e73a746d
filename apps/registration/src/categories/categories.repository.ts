import { sql, type Deferred, type Statement, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Category } from './category.js';
import type { CategoryInput } from './categories.schema.js';

/** A row of `registration_categories`. */
export interface CategoryRow {
  id: string;
  mission_id: string;
  code: string;
  names: Category['names'];
  capacity: number | null;
  waitlist: boolean;
  approval: Category['approval'];
  opens_at: Date | null;
  closes_at: Date | null;
  questions: Category['questions'];
  position: number;
  created_at: Date;
  updated_at: Date;
}

const columns = `id, mission_id, code, names, capacity, waitlist, approval, opens_at, closes_at, questions, position, created_at, updated_at`;

export function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    missionId: row.mission_id,
    code: row.code,
    names: row.names,
    capacity: row.capacity,
    waitlist: row.waitlist,
    approval: row.approval,
    // Deferred rows arrive as pg parsed them; a timestamptz is a Date either way.
    opensAt: row.opens_at === null ? null : new Date(row.opens_at),
    closesAt: row.closes_at === null ? null : new Date(row.closes_at),
    questions: row.questions,
    position: row.position,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** The SQL of a mission's registration categories (their seats are counted in seats/). */
@Injectable()
export class CategoriesRepository {
  /** The mission's categories in form order. */
  async list(unit: UnitOfWork, missionId: string): Promise<Category[]> {
    return (await unit.query<CategoryRow>(statementToList(missionId))).map(toCategory);
  }

  /** `list`, sent with the transaction's next statement (the group's seat counts), in its round trip. */
  deferList(unit: UnitOfWork, missionId: string): Deferred<CategoryRow> {
    return unit.defer<CategoryRow>(statementToList(missionId), "the mission's registration categories");
  }

  /** Creates or replaces the category `code` of the mission (its id and code stay). */
  async save(unit: UnitOfWork, missionId: string, code: string, input: CategoryInput): Promise<Category> {
    const [row] = await unit.query<CategoryRow>(
      sql(
        `INSERT INTO registration_categories (id, mission_id, code, names, capacity, waitlist, approval, opens_at, closes_at, questions, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (mission_id, code) DO UPDATE SET
           names = EXCLUDED.names, capacity = EXCLUDED.capacity, waitlist = EXCLUDED.waitlist, approval = EXCLUDED.approval,
           opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at, questions = EXCLUDED.questions, position = EXCLUDED.position,
           updated_at = now()
         RETURNING ${columns}`,
        [
          randomUUID(),
          missionId,
          code,
          JSON.stringify(input.names),
          input.capacity,
          input.waitlist,
          input.approval,
          input.opensAt,
          input.closesAt,
          JSON.stringify(input.questions),
          input.position,
        ],
      ),
    );
    return toCategory(row!);
  }

  /** Whether any registration, whatever its status, names the category. */
  async inUse(unit: UnitOfWork, categoryId: string): Promise<boolean> {
    const [row] = await unit.query<{ used: boolean }>(sql(`SELECT EXISTS (SELECT 1 FROM registrations WHERE category_id = $1) AS used`, [categoryId]));
    return row!.used;
  }

  async remove(unit: UnitOfWork, categoryId: string): Promise<void> {
    await unit.query(sql(`DELETE FROM registration_categories WHERE id = $1`, [categoryId]));
  }
}

function statementToList(missionId: string): Statement {
  return sql(`SELECT ${columns} FROM registration_categories WHERE mission_id = $1 ORDER BY position, code`, [missionId]);
}
