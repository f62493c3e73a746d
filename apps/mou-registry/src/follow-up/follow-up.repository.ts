import { Problem, sql, type UnitOfWork } from '#common';
import { Injectable } from '@nestjs/common';
import { mouColumns, type MouRow } from '../mous/mous.repository.js';
import type { PilotProjectView } from './follow-up.view.js';

export interface PilotProjectRow {
  id: string;
  mouId: string;
  title: string;
  leadParty: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  status: PilotProjectView['status'];
  createdAt: Date;
  updatedAt: Date;
}

export interface MilestoneRow {
  id: string;
  mouId: string;
  pilotProjectId: string | null;
  pilotProjectTitle: string | null;
  title: string;
  dueOn: string;
  ownerName: string;
  ownerEmail: string | null;
  ownerLanguage: string | null;
  ownerRegistrationId: string | null;
  completedAt: Date | null;
  dueAnnouncedAt: Date | null;
}

/** A pilot project's fields as a change sets them; what it leaves out stays. */
export interface PilotProjectChanges {
  title?: string;
  leadParty?: string;
  status?: PilotProjectView['status'];
  budget?: { amount: number; currency: string } | null;
  updatedAt: Date;
}

const PILOT_COLUMNS = `id, mou_id AS "mouId", title, lead_party AS "leadParty", budget_amount::float8 AS "budgetAmount", budget_currency AS "budgetCurrency",
  status, created_at AS "createdAt", updated_at AS "updatedAt"`;

const MILESTONE_COLUMNS = `m.id, m.mou_id AS "mouId", m.pilot_project_id AS "pilotProjectId", p.title AS "pilotProjectTitle", m.title,
  to_char(m.due_on, 'YYYY-MM-DD') AS "dueOn", m.owner_name AS "ownerName", m.owner_email AS "ownerEmail", m.owner_language AS "ownerLanguage",
  m.owner_registration_id AS "ownerRegistrationId", m.completed_at AS "completedAt", m.due_announced_at AS "dueAnnouncedAt"`;

/** Milestone rows (`milestones`, or a CTE of them) as `m`, with the pilot project each belongs to, if any, as `p`: what MILESTONE_COLUMNS reads. */
function milestonesFrom(source = 'milestones'): string {
  return `${source} m LEFT JOIN pilot_projects p ON p.id = m.pilot_project_id`;
}

/** Every statement of an MoU's follow-up: `pilot_projects` and `milestones`. */
@Injectable()
export class FollowUpRepository {
  async insertPilotProject(
    unit: UnitOfWork,
    project: { id: string; mouId: string; title: string; leadParty: string; budget: { amount: number; currency: string } | null; status: string; at: Date },
  ): Promise<PilotProjectRow> {
    const [row] = await unit.query<PilotProjectRow>(
      sql(
        `INSERT INTO pilot_projects (id, mou_id, title, lead_party, budget_amount, budget_currency, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${PILOT_COLUMNS}`,
        [
          project.id,
          project.mouId,
          project.title,
          project.leadParty,
          project.budget?.amount ?? null,
          project.budget?.currency ?? null,
          project.status,
          project.at,
        ],
      ),
    );
    return row!;
  }

  /** Sets what `changes` names on the MoU's pilot project; a 404 if the MoU has no such project. */
  async updatePilotProject(unit: UnitOfWork, mouId: string, projectId: string, changes: PilotProjectChanges): Promise<PilotProjectRow> {
    const columns: Record<string, unknown> = { updated_at: changes.updatedAt };
    if (changes.title) columns.title = changes.title;
    if (changes.leadParty) columns.lead_party = changes.leadParty;
    if (changes.status) columns.status = changes.status;
    if (changes.budget !== undefined)
      Object.assign(columns, { budget_amount: changes.budget?.amount ?? null, budget_currency: changes.budget?.currency ?? null });
    const names = Object.keys(columns);
    const [row] = await unit.query<PilotProjectRow>(
      sql(
        `UPDATE pilot_projects SET ${names.map((name, index) => `${name} = $${index + 3}`).join(', ')} WHERE id = $1 AND mou_id = $2 RETURNING ${PILOT_COLUMNS}`,
        [projectId, mouId, ...Object.values(columns)],
      ),
    );
    if (!row) throw Problem.notFound('Pilot project', projectId);
    return row;
  }

  pilotProjects(unit: UnitOfWork, mouId: string): Promise<PilotProjectRow[]> {
    return unit.query<PilotProjectRow>(sql(`SELECT ${PILOT_COLUMNS} FROM pilot_projects WHERE mou_id = $1 ORDER BY created_at, id`, [mouId]));
  }

  /** The title of the MoU's pilot project, if it has one of that id. */
  async pilotProjectTitle(unit: UnitOfWork, mouId: string, projectId: string): Promise<string | undefined> {
    const [project] = await unit.query<{ title: string }>(sql(`SELECT title FROM pilot_projects WHERE id = $1 AND mou_id = $2`, [projectId, mouId]));
    return project?.title;
  }

  async insertMilestone(unit: UnitOfWork, milestone: MilestoneRow, at: Date): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO milestones (id, mou_id, pilot_project_id, title, due_on, owner_name, owner_email, owner_language, owner_registration_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          milestone.id,
          milestone.mouId,
          milestone.pilotProjectId,
          milestone.title,
          milestone.dueOn,
          milestone.ownerName,
          milestone.ownerEmail,
          milestone.ownerLanguage,
          milestone.ownerRegistrationId,
          at,
        ],
      ),
    );
  }

  async complete(unit: UnitOfWork, milestoneId: string, at: Date, by: string): Promise<void> {
    await unit.query(sql(`UPDATE milestones SET completed_at = $2, completed_by = $3 WHERE id = $1`, [milestoneId, at, by]));
  }

  async milestone(unit: UnitOfWork, mouId: string, id: string): Promise<MilestoneRow> {
    const [row] = await unit.query<MilestoneRow>(sql(`SELECT ${MILESTONE_COLUMNS} FROM ${milestonesFrom()} WHERE m.id = $1 AND m.mou_id = $2`, [id, mouId]));
    if (!row) throw Problem.notFound('Milestone', id);
    return row;
  }

  milestones(unit: UnitOfWork, mouId: string): Promise<MilestoneRow[]> {
    return unit.query<MilestoneRow>(sql(`SELECT ${MILESTONE_COLUMNS} FROM ${milestonesFrom()} WHERE m.mou_id = $1 ORDER BY m.due_on, m.id`, [mouId]));
  }

  /** Overdue milestones not yet announced, each with its MoU, both locked, skipping rows another instance holds. */
  lockDue(unit: UnitOfWork, today: string, limit: number): Promise<(MouRow & { milestoneId: string })[]> {
    return unit.query<MouRow & { milestoneId: string }>(
      sql(
        `SELECT m.id AS "milestoneId", ${mouColumns('mo')} FROM milestones m JOIN mous mo ON mo.id = m.mou_id
         WHERE m.completed_at IS NULL AND m.due_announced_at IS NULL AND m.due_on < $1
         ORDER BY m.due_on LIMIT ${limit} FOR UPDATE OF m, mo SKIP LOCKED`,
        [today],
      ),
    );
  }

  /** Marks the milestones as announced and answers them, in one statement. */
  markAnnounced(unit: UnitOfWork, ids: readonly string[], at: Date): Promise<MilestoneRow[]> {
    return unit.query<MilestoneRow>(
      sql(
        `WITH announced AS (UPDATE milestones SET due_announced_at = $2 WHERE id = ANY($1::uuid[]) RETURNING *)
         SELECT ${MILESTONE_COLUMNS} FROM ${milestonesFrom('announced')}`,
        [ids, at],
      ),
    );
  }
}
