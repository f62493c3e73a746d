import { Problem, sql, type UnitOfWork } from '#common';
import type { ActionPlanStatus } from '#contracts';
import { Injectable } from '@nestjs/common';

export interface PlanRow {
  id: string;
  missionId: string | null;
  title: string;
  scope: 'city_pair' | 'cluster';
  cities: { name: string; country: string }[];
  theme: string | null;
  summary: string | null;
  visibility: 'public' | 'organisers';
  status: ActionPlanStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AuthorRow {
  role: string;
  name: string;
  organisation: string | null;
  email: string | null;
  registrationId: string | null;
  erasedAt: Date | null;
}

export interface PilotRow {
  id: string;
  planId: string | null;
  mouId: string | null;
  mouReference: string | null;
  title: string;
  summary: string | null;
  leadParty: string | null;
  responsibleName: string | null;
  responsibleEmail: string | null;
  responsibleLanguage: string | null;
  responsibleRegistrationId: string | null;
  partners: string[];
  means: string | null;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  budgetSources: { source: string; amount: number }[];
  status: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface IndicatorRow {
  id: string;
  pilotProjectId: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
}

export interface ReportRow {
  id: string;
  indicatorId: string;
  value: number;
  asOf: string;
  note: string | null;
  reportedAt: Date;
}

export interface PlanMilestoneRow {
  id: string;
  planId: string;
  pilotProjectId: string | null;
  title: string;
  dueOn: string;
  ownerName: string;
  ownerEmail: string | null;
  ownerLanguage: string | null;
  ownerRegistrationId: string | null;
  completedAt: Date | null;
}

/** A reminder due now, with what its event says: the milestone, its plan, its owner and its project's person responsible. */
export interface DueReminderRow {
  milestoneId: string;
  offsetMs: number;
  remindAt: Date;
  planId: string;
  missionId: string | null;
  planTitle: string;
  title: string;
  dueOn: string;
  ownerName: string;
  ownerEmail: string | null;
  ownerLanguage: string | null;
  ownerRegistrationId: string | null;
  pilotProjectId: string | null;
  pilotProjectTitle: string | null;
  responsibleName: string | null;
  responsibleEmail: string | null;
  responsibleLanguage: string | null;
  responsibleRegistrationId: string | null;
}

export interface PilotValues {
  title: string;
  summary: string | null;
  mouId: string | null;
  leadParty: string | null;
  responsible: { name: string; email: string | null; preferredLanguage: string | null; registrationId: string | null };
  partners: string[];
  means: string | null;
  budget: { amount: number; currency: string } | null;
  budgetSources: { source: string; amount: number }[];
  status: string;
}

const PLAN_COLUMNS = `id, mission_id AS "missionId", title, scope, cities, theme, summary, visibility, status, created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const PILOT_COLUMNS = `p.id, p.plan_id AS "planId", p.mou_id AS "mouId", mo.reference AS "mouReference", p.title, p.summary, p.lead_party AS "leadParty",
  p.responsible_name AS "responsibleName", p.responsible_email AS "responsibleEmail", p.responsible_language AS "responsibleLanguage",
  p.responsible_registration_id AS "responsibleRegistrationId", p.partners, p.means, p.budget_amount::float8 AS "budgetAmount",
  p.budget_currency AS "budgetCurrency", p.budget_sources AS "budgetSources", p.status, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const MILESTONE_COLUMNS = `id, plan_id AS "planId", pilot_project_id AS "pilotProjectId", title, to_char(due_on, 'YYYY-MM-DD') AS "dueOn",
  owner_name AS "ownerName", owner_email AS "ownerEmail", owner_language AS "ownerLanguage", owner_registration_id AS "ownerRegistrationId",
  completed_at AS "completedAt"`;

/** Every statement of the action plans: `action_plans`, their authors and trail, their pilot projects, indicators, reports, milestones and reminders. */
@Injectable()
export class ActionPlansRepository {
  async insert(unit: UnitOfWork, plan: Omit<PlanRow, 'createdAt' | 'updatedAt' | 'status'> & { at: Date }): Promise<PlanRow> {
    const [row] = await unit.query<PlanRow>(
      sql(
        `INSERT INTO action_plans (id, mission_id, title, scope, cities, theme, summary, visibility, status, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $10, $10) RETURNING ${PLAN_COLUMNS}`,
        [plan.id, plan.missionId, plan.title, plan.scope, JSON.stringify(plan.cities), plan.theme, plan.summary, plan.visibility, plan.createdBy, plan.at],
      ),
    );
    return row!;
  }

  async find(unit: UnitOfWork, id: string): Promise<PlanRow> {
    const [row] = await unit.query<PlanRow>(sql(`SELECT ${PLAN_COLUMNS} FROM action_plans WHERE id = $1`, [id]));
    if (!row) throw Problem.notFound('Action plan', id);
    return row;
  }

  /** The plan's row, locked: every change of a plan takes it first, so that its trail entries never race. */
  async lock(unit: UnitOfWork, id: string): Promise<PlanRow> {
    const [row] = await unit.query<PlanRow>(sql(`SELECT ${PLAN_COLUMNS} FROM action_plans WHERE id = $1 FOR UPDATE`, [id]));
    if (!row) throw Problem.notFound('Action plan', id);
    return row;
  }

  /** Plans newest first: the public ones, and those of the missions given (`'*'`: every mission's). */
  list(unit: UnitOfWork, filter: { missionId?: string; missions: readonly string[]; limit: number }): Promise<PlanRow[]> {
    const all = filter.missions.includes('*');
    return unit.query<PlanRow>(
      sql(
        `SELECT ${PLAN_COLUMNS} FROM action_plans
         WHERE (visibility = 'public' OR $1::boolean OR mission_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR mission_id = $3)
         ORDER BY seq DESC LIMIT ${filter.limit}`,
        [all, filter.missions.filter((m) => m !== '*'), filter.missionId ?? null],
      ),
    );
  }

  async update(
    unit: UnitOfWork,
    id: string,
    changes: Partial<Pick<PlanRow, 'title' | 'scope' | 'cities' | 'theme' | 'summary' | 'visibility' | 'status'>> & { updatedAt: Date },
  ): Promise<PlanRow> {
    const columns: Record<string, unknown> = { updated_at: changes.updatedAt };
    if (changes.title !== undefined) columns.title = changes.title;
    if (changes.scope !== undefined) columns.scope = changes.scope;
    if (changes.cities !== undefined) columns.cities = JSON.stringify(changes.cities);
    if (changes.theme !== undefined) columns.theme = changes.theme;
    if (changes.summary !== undefined) columns.summary = changes.summary;
    if (changes.visibility !== undefined) columns.visibility = changes.visibility;
    if (changes.status !== undefined) columns.status = changes.status;
    const names = Object.keys(columns);
    const [row] = await unit.query<PlanRow>(
      sql(`UPDATE action_plans SET ${names.map((name, index) => `${name} = $${index + 2}`).join(', ')} WHERE id = $1 RETURNING ${PLAN_COLUMNS}`, [
        id,
        ...Object.values(columns),
      ]),
    );
    return row!;
  }

  async replaceAuthors(unit: UnitOfWork, planId: string, authors: Omit<AuthorRow, 'erasedAt'>[]): Promise<void> {
    await unit.query(sql(`DELETE FROM action_plan_authors WHERE plan_id = $1`, [planId]));
    if (authors.length === 0) return;
    await unit.query(
      sql(
        `INSERT INTO action_plan_authors (plan_id, position, role, name, organisation, email, registration_id)
         SELECT $1, a.position, a.role, a.name, a.organisation, a.email, a."registrationId"
         FROM jsonb_to_recordset($2::jsonb) AS a(position int, role text, name text, organisation text, email text, "registrationId" uuid)`,
        [planId, JSON.stringify(authors.map((author, position) => ({ ...author, position })))],
      ),
    );
  }

  authors(unit: UnitOfWork, planId: string): Promise<AuthorRow[]> {
    return unit.query<AuthorRow>(
      sql(
        `SELECT role, name, organisation, email, registration_id AS "registrationId", erased_at AS "erasedAt"
         FROM action_plan_authors WHERE plan_id = $1 ORDER BY position`,
        [planId],
      ),
    );
  }

  /** How many pilot projects the plan has, and how many of them carry out an MoU: what its events say. */
  async counts(unit: UnitOfWork, planId: string): Promise<{ pilotProjects: number; pilotProjectsWithMou: number; authors: number }> {
    const [row] = await unit.query<{ pilotProjects: number; pilotProjectsWithMou: number; authors: number }>(
      sql(
        `SELECT (SELECT count(*)::int FROM pilot_projects WHERE plan_id = $1) AS "pilotProjects",
                (SELECT count(*)::int FROM pilot_projects WHERE plan_id = $1 AND mou_id IS NOT NULL) AS "pilotProjectsWithMou",
                (SELECT count(*)::int FROM action_plan_authors WHERE plan_id = $1) AS "authors"`,
        [planId],
      ),
    );
    return row!;
  }

  async insertPilot(unit: UnitOfWork, id: string, planId: string, values: PilotValues, at: Date): Promise<PilotRow> {
    await unit.query(
      sql(
        `INSERT INTO pilot_projects (id, plan_id, mou_id, title, summary, lead_party, responsible_name, responsible_email, responsible_language,
           responsible_registration_id, partners, means, budget_amount, budget_currency, budget_sources, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)`,
        [id, planId, ...pilotParameters(values), at],
      ),
    );
    return this.pilot(unit, planId, id);
  }

  async updatePilot(unit: UnitOfWork, planId: string, id: string, values: PilotValues, at: Date): Promise<PilotRow> {
    await unit.query(
      sql(
        `UPDATE pilot_projects SET mou_id = $3, title = $4, summary = $5, lead_party = $6, responsible_name = $7, responsible_email = $8,
           responsible_language = $9, responsible_registration_id = $10, partners = $11, means = $12, budget_amount = $13, budget_currency = $14,
           budget_sources = $15, status = $16, updated_at = $17
         WHERE id = $1 AND plan_id = $2`,
        [id, planId, ...pilotParameters(values), at],
      ),
    );
    return this.pilot(unit, planId, id);
  }

  /**
   * Takes a pilot project of an MoU that is in no plan (one recorded before action plans) into the plan,
   * as it is; only one of an MoU of the plan's mission (of any, for a plan of none). Answers whether it did.
   */
  async adoptPilot(unit: UnitOfWork, planId: string, projectId: string, missionId: string | null, at: Date): Promise<boolean> {
    const rows = await unit.query(
      sql(
        `UPDATE pilot_projects p SET plan_id = $1, updated_at = $4 FROM mous mo
         WHERE p.id = $2 AND p.plan_id IS NULL AND mo.id = p.mou_id AND ($3::uuid IS NULL OR mo.mission_id = $3) RETURNING p.id`,
        [planId, projectId, missionId, at],
      ),
    );
    return rows.length === 1;
  }

  async pilot(unit: UnitOfWork, planId: string, id: string): Promise<PilotRow> {
    const [row] = await unit.query<PilotRow>(
      sql(`SELECT ${PILOT_COLUMNS} FROM pilot_projects p LEFT JOIN mous mo ON mo.id = p.mou_id WHERE p.id = $1 AND p.plan_id = $2`, [id, planId]),
    );
    if (!row) throw Problem.notFound('Pilot project', id);
    return row;
  }

  pilots(unit: UnitOfWork, planId: string): Promise<PilotRow[]> {
    return unit.query<PilotRow>(
      sql(`SELECT ${PILOT_COLUMNS} FROM pilot_projects p LEFT JOIN mous mo ON mo.id = p.mou_id WHERE p.plan_id = $1 ORDER BY p.created_at, p.id`, [planId]),
    );
  }

  /** Whether an MoU of this id exists, and its mission. */
  async mouMission(unit: UnitOfWork, mouId: string): Promise<{ missionId: string | null } | undefined> {
    const [row] = await unit.query<{ missionId: string | null }>(sql(`SELECT mission_id AS "missionId" FROM mous WHERE id = $1`, [mouId]));
    return row;
  }

  async insertIndicator(unit: UnitOfWork, indicator: IndicatorRow, at: Date): Promise<void> {
    await unit.query(
      sql(`INSERT INTO pilot_indicators (id, pilot_project_id, name, unit, baseline, target, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        indicator.id,
        indicator.pilotProjectId,
        indicator.name,
        indicator.unit,
        indicator.baseline,
        indicator.target,
        at,
      ]),
    );
  }

  async indicator(unit: UnitOfWork, pilotProjectId: string, id: string): Promise<IndicatorRow> {
    const [row] = await unit.query<IndicatorRow>(
      sql(
        `SELECT id, pilot_project_id AS "pilotProjectId", name, unit, baseline::float8 AS baseline, target::float8 AS target
         FROM pilot_indicators WHERE id = $1 AND pilot_project_id = $2`,
        [id, pilotProjectId],
      ),
    );
    if (!row) throw Problem.notFound('Indicator', id);
    return row;
  }

  indicators(unit: UnitOfWork, pilotProjectIds: readonly string[]): Promise<IndicatorRow[]> {
    return unit.query<IndicatorRow>(
      sql(
        `SELECT id, pilot_project_id AS "pilotProjectId", name, unit, baseline::float8 AS baseline, target::float8 AS target
         FROM pilot_indicators WHERE pilot_project_id = ANY($1::uuid[]) ORDER BY created_at, id`,
        [pilotProjectIds],
      ),
    );
  }

  async insertReport(unit: UnitOfWork, report: ReportRow & { reportedBy: string }): Promise<void> {
    await unit.query(
      sql(`INSERT INTO indicator_reports (id, indicator_id, value, as_of, note, reported_by, reported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        report.id,
        report.indicatorId,
        report.value,
        report.asOf,
        report.note,
        report.reportedBy,
        report.reportedAt,
      ]),
    );
  }

  /** Reports over time, oldest first (by the date they are as of, then by when they were made). */
  reports(unit: UnitOfWork, indicatorIds: readonly string[]): Promise<ReportRow[]> {
    return unit.query<ReportRow>(
      sql(
        `SELECT id, indicator_id AS "indicatorId", value::float8 AS value, to_char(as_of, 'YYYY-MM-DD') AS "asOf", note, reported_at AS "reportedAt"
         FROM indicator_reports WHERE indicator_id = ANY($1::uuid[]) ORDER BY as_of, reported_at, id`,
        [indicatorIds],
      ),
    );
  }

  async insertMilestone(unit: UnitOfWork, milestone: Omit<PlanMilestoneRow, 'completedAt'>, at: Date): Promise<void> {
    await unit.query(
      sql(
        `INSERT INTO milestones (id, plan_id, pilot_project_id, title, due_on, owner_name, owner_email, owner_language, owner_registration_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          milestone.id,
          milestone.planId,
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

  async milestone(unit: UnitOfWork, planId: string, id: string): Promise<PlanMilestoneRow> {
    const [row] = await unit.query<PlanMilestoneRow>(sql(`SELECT ${MILESTONE_COLUMNS} FROM milestones WHERE id = $1 AND plan_id = $2`, [id, planId]));
    if (!row) throw Problem.notFound('Milestone', id);
    return row;
  }

  milestones(unit: UnitOfWork, planId: string): Promise<PlanMilestoneRow[]> {
    return unit.query<PlanMilestoneRow>(sql(`SELECT ${MILESTONE_COLUMNS} FROM milestones WHERE plan_id = $1 ORDER BY due_on, id`, [planId]));
  }

  async completeMilestone(unit: UnitOfWork, id: string, at: Date, by: string): Promise<void> {
    await unit.query(sql(`UPDATE milestones SET completed_at = $2, completed_by = $3 WHERE id = $1`, [id, at, by]));
  }

  async insertReminders(unit: UnitOfWork, milestoneId: string, reminders: readonly { offsetMs: number; remindAt: Date }[]): Promise<void> {
    if (reminders.length === 0) return;
    await unit.query(
      sql(
        `INSERT INTO milestone_reminders (milestone_id, offset_ms, remind_at)
         SELECT $1, r."offsetMs", r."remindAt" FROM jsonb_to_recordset($2::jsonb) AS r("offsetMs" bigint, "remindAt" timestamptz)`,
        [milestoneId, JSON.stringify(reminders)],
      ),
    );
  }

  /**
   * Reminders due by `now` and not sent, of open milestones of plans still running, locked (skipping
   * those another instance holds), with what their events say.
   */
  lockDueReminders(unit: UnitOfWork, now: Date, limit: number): Promise<DueReminderRow[]> {
    return unit.query<DueReminderRow>(
      sql(
        `SELECT r.milestone_id AS "milestoneId", r.offset_ms::float8 AS "offsetMs", r.remind_at AS "remindAt", ap.id AS "planId",
           ap.mission_id AS "missionId", ap.title AS "planTitle", m.title, to_char(m.due_on, 'YYYY-MM-DD') AS "dueOn", m.owner_name AS "ownerName",
           m.owner_email AS "ownerEmail", m.owner_language AS "ownerLanguage", m.owner_registration_id AS "ownerRegistrationId",
           p.id AS "pilotProjectId", p.title AS "pilotProjectTitle", p.responsible_name AS "responsibleName", p.responsible_email AS "responsibleEmail",
           p.responsible_language AS "responsibleLanguage", p.responsible_registration_id AS "responsibleRegistrationId"
         FROM milestone_reminders r
         JOIN milestones m ON m.id = r.milestone_id
         JOIN action_plans ap ON ap.id = m.plan_id
         LEFT JOIN pilot_projects p ON p.id = m.pilot_project_id
         WHERE r.sent_at IS NULL AND r.remind_at <= $1 AND m.completed_at IS NULL AND m.due_on >= ($1::timestamptz AT TIME ZONE 'UTC')::date
           AND ap.status NOT IN ('closed', 'withdrawn')
         ORDER BY r.remind_at LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED`,
        [now],
      ),
    );
  }

  async markReminded(unit: UnitOfWork, reminders: readonly { milestoneId: string; offsetMs: number }[], at: Date): Promise<void> {
    await unit.query(
      sql(
        `UPDATE milestone_reminders r SET sent_at = $2 FROM jsonb_to_recordset($1::jsonb) AS d("milestoneId" uuid, "offsetMs" bigint)
         WHERE r.milestone_id = d."milestoneId" AND r.offset_ms = d."offsetMs"`,
        [JSON.stringify(reminders), at],
      ),
    );
  }

  /** The reminders of a plan's milestones, for its view: when each is (or was) to come, and whether it went. */
  reminders(unit: UnitOfWork, planId: string): Promise<{ milestoneId: string; offsetMs: number; remindAt: Date; sentAt: Date | null }[]> {
    return unit.query(
      sql(
        `SELECT r.milestone_id AS "milestoneId", r.offset_ms::float8 AS "offsetMs", r.remind_at AS "remindAt", r.sent_at AS "sentAt"
         FROM milestone_reminders r JOIN milestones m ON m.id = r.milestone_id WHERE m.plan_id = $1 ORDER BY r.remind_at`,
        [planId],
      ),
    );
  }
}

/** A pilot project's values in the order of its columns, from `mou_id` to `status` (what inserting and updating set alike). */
function pilotParameters(values: PilotValues): unknown[] {
  return [
    values.mouId,
    values.title,
    values.summary,
    values.leadParty,
    values.responsible.name,
    values.responsible.email,
    values.responsible.preferredLanguage,
    values.responsible.registrationId,
    JSON.stringify(values.partners),
    values.means,
    values.budget?.amount ?? null,
    values.budget?.currency ?? null,
    JSON.stringify(values.budgetSources),
    values.status,
  ];
}
