import { Problem, type Caller, answerOnce, type IdempotencyKey, UnitOfWork } from '#common';
import type { EventData } from '#contracts';
import { OutboxService, type OutboxEntry } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../clock.js';
import { HistoryService } from '../history/history.service.js';
import { MouAccess } from '../mous/mou.access.js';
import { MouStore } from '../mous/mou.store.js';
import type { MouRow } from '../mous/mou.view.js';
import { actorOf } from '../mous/mous.service.js';
import { Participants, type Contact } from '../participants/participants.js';
import type { CreateMilestone, CreatePilotProject, UpdatePilotProject } from './follow-up.schema.js';
import type { MilestoneView, PilotProjectView } from './follow-up.view.js';

interface MilestoneRow {
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

const PILOT_COLUMNS = `id, mou_id AS "mouId", title, lead_party AS "leadParty", budget_amount::float8 AS "budgetAmount", budget_currency AS "budgetCurrency",
  status, created_at AS "createdAt", updated_at AS "updatedAt"`;

export const MILESTONE_COLUMNS = `m.id, m.mou_id AS "mouId", m.pilot_project_id AS "pilotProjectId", p.title AS "pilotProjectTitle", m.title,
  to_char(m.due_on, 'YYYY-MM-DD') AS "dueOn", m.owner_name AS "ownerName", m.owner_email AS "ownerEmail", m.owner_language AS "ownerLanguage",
  m.owner_registration_id AS "ownerRegistrationId", m.completed_at AS "completedAt", m.due_announced_at AS "dueAnnouncedAt"`;
/** Milestone rows (`milestones`, or a CTE of them) as `m`, with the pilot project each belongs to, if any, as `p`: what MILESTONE_COLUMNS reads. */
function milestonesFrom(source = 'milestones'): string {
  return `${source} m LEFT JOIN pilot_projects p ON p.id = m.pilot_project_id`;
}

/** The follow-up of an MoU: the pilot projects of its action plan, and milestones with owners and due dates. */
@Injectable()
export class FollowUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly store: MouStore,
    private readonly access: MouAccess,
    private readonly history: HistoryService,
    private readonly participants: Participants,
    private readonly outbox: OutboxService,
  ) {}

  async addPilotProject(caller: Caller, mouId: string, input: CreatePilotProject, key?: IdempotencyKey): Promise<PilotProjectView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.dataSource, key, async (manager) => {
      const mou = await this.store.lock(manager, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      assertParty(mou, input.leadParty);
      const id = randomUUID();
      const [row] = await manager.query(
        `INSERT INTO pilot_projects (id, mou_id, title, lead_party, budget_amount, budget_currency, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${PILOT_COLUMNS}`,
        [id, mouId, input.title, input.leadParty, input.budget?.amount ?? null, input.budget?.currency ?? null, input.status, now],
      );
      await this.history.append(manager, mouId, { action: 'pilot_project_added', actor, at: now, details: { pilotProjectId: id, ...input } });
      return toPilotProjectView(row);
    });
  }

  async updatePilotProject(caller: Caller, mouId: string, projectId: string, patch: UpdatePilotProject): Promise<PilotProjectView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const mou = await this.store.lock(manager, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      if (patch.leadParty) assertParty(mou, patch.leadParty);
      const columns: Record<string, unknown> = { updated_at: now };
      if (patch.title) columns.title = patch.title;
      if (patch.leadParty) columns.lead_party = patch.leadParty;
      if (patch.status) columns.status = patch.status;
      if (patch.budget !== undefined) Object.assign(columns, { budget_amount: patch.budget?.amount ?? null, budget_currency: patch.budget?.currency ?? null });
      const names = Object.keys(columns);
      const [rows] = await manager.query(
        `UPDATE pilot_projects SET ${names.map((name, index) => `${name} = $${index + 3}`).join(', ')} WHERE id = $1 AND mou_id = $2 RETURNING ${PILOT_COLUMNS}`,
        [projectId, mouId, ...Object.values(columns)],
      );
      if (!rows[0]) throw Problem.notFound('Pilot project', projectId);
      await this.history.append(manager, mouId, { action: 'pilot_project_updated', actor, at: now, details: { pilotProjectId: projectId, ...patch } });
      return toPilotProjectView(rows[0]);
    });
  }

  async pilotProjects(caller: Caller, mouId: string): Promise<PilotProjectView[]> {
    await this.access.readable(caller, mouId);
    const rows = await this.dataSource.query(`SELECT ${PILOT_COLUMNS} FROM pilot_projects WHERE mou_id = $1 ORDER BY created_at, id`, [mouId]);
    return rows.map(toPilotProjectView);
  }

  async addMilestone(caller: Caller, mouId: string, input: CreateMilestone, key?: IdempotencyKey): Promise<MilestoneView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.dataSource, key, async (manager) => {
      const mou = await this.store.lock(manager, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      let pilotProjectTitle: string | null = null;
      if (input.pilotProjectId) {
        const [project] = await manager.query(`SELECT title FROM pilot_projects WHERE id = $1 AND mou_id = $2`, [input.pilotProjectId, mouId]);
        if (!project) throw Problem.validation([{ field: 'pilotProjectId', message: 'is not a pilot project of this MoU' }]);
        pilotProjectTitle = project.title;
      }
      // A participant who owns it is read once, for the link's check and the contact stored with the milestone.
      const owner: Contact & { registrationId: string | null } =
        'registrationId' in input.owner
          ? {
              ...(await this.participants.checkedContact(
                manager,
                { registrationId: input.owner.registrationId, field: 'owner.registrationId' },
                mou.missionId,
              )),
              registrationId: input.owner.registrationId,
            }
          : { name: input.owner.name, email: input.owner.email ?? null, preferredLanguage: input.owner.preferredLanguage ?? null, registrationId: null };
      const milestone: MilestoneRow = {
        id: randomUUID(),
        mouId,
        pilotProjectId: input.pilotProjectId ?? null,
        pilotProjectTitle,
        title: input.title,
        dueOn: input.dueOn,
        ownerName: owner.name,
        ownerEmail: owner.email,
        ownerLanguage: owner.preferredLanguage,
        ownerRegistrationId: owner.registrationId,
        completedAt: null,
        dueAnnouncedAt: null,
      };
      await manager.query(
        `INSERT INTO milestones (id, mou_id, pilot_project_id, title, due_on, owner_name, owner_email, owner_language, owner_registration_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          milestone.id,
          mouId,
          milestone.pilotProjectId,
          milestone.title,
          milestone.dueOn,
          milestone.ownerName,
          milestone.ownerEmail,
          milestone.ownerLanguage,
          milestone.ownerRegistrationId,
          now,
        ],
      );
      await this.history.append(manager, mouId, {
        action: 'milestone_added',
        actor,
        at: now,
        details: { milestoneId: milestone.id, title: input.title, dueOn: input.dueOn, pilotProjectId: milestone.pilotProjectId },
      });
      await this.outbox.add(UnitOfWork.of(manager), 'mou.milestone_added', eventData(mou, milestone), {
        subject: milestone.id,
        missionId: mou.missionId,
        time: now,
      });
      return toMilestoneView(milestone, true);
    });
  }

  async complete(caller: Caller, mouId: string, milestoneId: string): Promise<MilestoneView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const mou = await this.store.lock(manager, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      const before = await this.milestone(manager, mouId, milestoneId);
      if (before.completedAt) {
        throw Problem.conflict('milestone-completed', 'Milestone already completed', `It was completed at ${before.completedAt.toISOString()}.`);
      }
      await manager.query(`UPDATE milestones SET completed_at = $2, completed_by = $3 WHERE id = $1`, [milestoneId, now, actor]);
      const milestone = await this.milestone(manager, mouId, milestoneId);
      await this.history.append(manager, mouId, { action: 'milestone_completed', actor, at: now, details: { milestoneId } });
      await this.outbox.add(
        UnitOfWork.of(manager),
        'mou.milestone_completed',
        { ...eventData(mou, milestone, await this.ownerNow(manager, milestone)), completedAt: now.toISOString() },
        { subject: milestoneId, missionId: mou.missionId, time: now },
      );
      return toMilestoneView(milestone, true);
    });
  }

  async milestones(caller: Caller, mouId: string): Promise<MilestoneView[]> {
    const { organiser } = await this.access.readable(caller, mouId);
    const rows: MilestoneRow[] = await this.dataSource.query(
      `SELECT ${MILESTONE_COLUMNS} FROM ${milestonesFrom()} WHERE m.mou_id = $1 ORDER BY m.due_on, m.id`,
      [mouId],
    );
    return rows.map((row) => toMilestoneView(row, organiser));
  }

  /**
   * Announces overdue milestones, in the caller's transaction (which holds their rows and their MoUs'):
   * each marked as announced with its `mou.milestone_due` and its trail entry, so it is announced once.
   */
  async announceDue(manager: EntityManager, due: readonly { mou: MouRow; milestoneId: string }[], now: Date): Promise<void> {
    if (due.length === 0) return;
    // A check announces a hundred at a time: they are marked and read back in one statement, their owners read in one
    // more; their trail entries are still written one by one, each chained to the one before.
    const rows: MilestoneRow[] = await manager.query(
      `WITH announced AS (UPDATE milestones SET due_announced_at = $2 WHERE id = ANY($1::uuid[]) RETURNING *)
       SELECT ${MILESTONE_COLUMNS} FROM ${milestonesFrom('announced')}`,
      [due.map(({ milestoneId }) => milestoneId), now],
    );
    const milestones = new Map(rows.map((row) => [row.id, row]));
    const owners = await this.participants.contacts(
      manager,
      rows.flatMap((row) => (row.ownerRegistrationId ? [row.ownerRegistrationId] : [])),
    );
    const events: OutboxEntry[] = [];
    for (const { mou, milestoneId } of due) {
      const milestone = milestones.get(milestoneId)!;
      await this.history.append(manager, mou.id, { action: 'milestone_due', actor: REGISTRY, at: now, details: { milestoneId, dueOn: milestone.dueOn } });
      const owner = milestone.ownerRegistrationId ? (owners.get(milestone.ownerRegistrationId) ?? null) : null;
      events.push({
        type: 'mou.milestone_due',
        data: eventData(mou, milestone, owner),
        context: { subject: milestoneId, missionId: mou.missionId, time: now },
      });
    }
    await this.outbox.addMany(UnitOfWork.of(manager), events);
  }

  private async milestone(manager: EntityManager, mouId: string, id: string): Promise<MilestoneRow> {
    const [row] = await manager.query(`SELECT ${MILESTONE_COLUMNS} FROM ${milestonesFrom()} WHERE m.id = $1 AND m.mou_id = $2`, [id, mouId]);
    if (!row) throw Problem.notFound('Milestone', id);
    return row;
  }

  /** A participant who owns the milestone, as they can be reached now. */
  private async ownerNow(manager: EntityManager, milestone: MilestoneRow): Promise<Contact | null> {
    return milestone.ownerRegistrationId ? this.participants.contact(manager, milestone.ownerRegistrationId) : null;
  }
}

/**
 * The owner as they can be reached now: `participant`, a participant's current contact data (none once erased), where
 * the owner is one the registry knows; else as stored with the milestone (a milestone just added stores what was read).
 */
function eventData(mou: MouRow, milestone: MilestoneRow, participant: Contact | null = null): EventData<'mou.milestone_due'> {
  return {
    mouId: mou.id,
    milestoneId: milestone.id,
    missionId: mou.missionId,
    title: milestone.title,
    dueOn: milestone.dueOn,
    owner: {
      ...(participant ?? { name: milestone.ownerName, email: milestone.ownerEmail, preferredLanguage: milestone.ownerLanguage }),
      registrationId: milestone.ownerRegistrationId,
    },
    reference: mou.reference,
    mouTitle: mou.title,
    pilotProject: milestone.pilotProjectId ? { pilotProjectId: milestone.pilotProjectId, title: milestone.pilotProjectTitle! } : null,
  };
}

/** The actor of what the registry does by itself (reminders, expiry). */
export const REGISTRY = 'mou-registry';

function assertParty(mou: MouRow, name: string): void {
  if (!mou.parties.some((party) => party.name.toLowerCase() === name.toLowerCase())) {
    throw Problem.validation([{ field: 'leadParty', message: 'must be the name of one of the MoU’s parties' }]);
  }
}

function toPilotProjectView(row: {
  id: string;
  mouId: string;
  title: string;
  leadParty: string;
  budgetAmount: number | null;
  budgetCurrency: string | null;
  status: PilotProjectView['status'];
  createdAt: Date;
  updatedAt: Date;
}): PilotProjectView {
  return {
    id: row.id,
    mouId: row.mouId,
    title: row.title,
    leadParty: row.leadParty,
    budget: row.budgetAmount === null ? null : { amount: row.budgetAmount, currency: row.budgetCurrency! },
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toMilestoneView(row: MilestoneRow, organiser: boolean): MilestoneView {
  return {
    id: row.id,
    mouId: row.mouId,
    pilotProjectId: row.pilotProjectId,
    title: row.title,
    dueOn: row.dueOn,
    owner: organiser
      ? { name: row.ownerName, email: row.ownerEmail, preferredLanguage: row.ownerLanguage, registrationId: row.ownerRegistrationId }
      : { name: row.ownerName },
    completedAt: row.completedAt?.toISOString() ?? null,
    dueAnnouncedAt: row.dueAnnouncedAt?.toISOString() ?? null,
  };
}
