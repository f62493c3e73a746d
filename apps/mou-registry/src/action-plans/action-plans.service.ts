import { answerOnce, Problem, Transactions, type Caller, type FieldError, type IdempotencyKey, type UnitOfWork } from '#common';
import type { EventData } from '#contracts';
import { OutboxService } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../clock.js';
import { HistoryService, type HistoryRecord } from '../history/history.service.js';
import { actorOf, mayOrganise, MouAccessService } from '../mous/mou-access.service.js';
import { ParticipantsService, type Contact } from '../participants/participants.service.js';
import { ActionPlanLifecycle, indicatorProgress, missingForSubmission, reminderTimes } from './action-plan.rules.js';
import {
  budgetErrors,
  scopeErrors,
  type AdoptPilot,
  type AuthorInput,
  type CreateIndicator,
  type CreatePilot,
  type CreatePlan,
  type CreatePlanMilestone,
  type CreateReport,
  type PersonInput,
  type PlanTransition,
  type UpdatePilot,
  type UpdatePlan,
} from './action-plan.schema.js';
import {
  toAuthorView,
  toIndicatorView,
  toPlanMilestoneView,
  toPlanPilotView,
  toPlanSummaryView,
  type PlanMilestoneView,
  type PlanPilotView,
  type PlanSummaryView,
  type PlanView,
} from './action-plan.view.js';
import { ActionPlansRepository, type PilotRow, type PilotValues, type PlanRow } from './action-plans.repository.js';

export const ACTION_PLAN_OPTIONS = Symbol('action plan options');

export interface ActionPlanOptions {
  /** How long before a milestone's due date its reminders come (default 7 days and 1 day). */
  reminderOffsetsMs: readonly number[];
  /** How often the registry looks for reminders due (default every minute). */
  reminderIntervalMs: number;
}

type Person = Contact & { registrationId: string | null };

/** Urban Cooperative Action Plans: their authors, pilot projects (with or without an MoU), indicators and progress, milestones and lifecycle. */
@Injectable()
export class ActionPlansService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACTION_PLAN_OPTIONS) private readonly options: ActionPlanOptions,
    private readonly repository: ActionPlansRepository,
    private readonly trail: HistoryService,
    private readonly access: MouAccessService,
    private readonly participants: ParticipantsService,
    private readonly outbox: OutboxService,
  ) {}

  async create(caller: Caller, input: CreatePlan, key?: IdempotencyKey): Promise<PlanView> {
    const missionId = input.missionId ?? null;
    this.access.assertMayChange(caller, missionId);
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      const id = randomUUID();
      const row = await this.repository.insert(unit, {
        id,
        missionId,
        title: input.title,
        scope: input.scope,
        cities: input.cities,
        theme: input.theme ?? null,
        summary: input.summary ?? null,
        visibility: input.visibility,
        createdBy: actor,
        at: now,
      });
      await this.repository.replaceAuthors(unit, id, await this.authors(unit, input.authors, missionId));
      await this.append(unit, id, { action: 'created', actor, at: now, details: { fields: Object.keys(input).sort() } });
      await this.announce(unit, 'action_plan.drafted', row, now);
      return this.view(unit, row, true);
    });
  }

  async list(caller: Caller, missionId?: string): Promise<PlanSummaryView[]> {
    const missions = caller.kind === 'organiser' ? caller.missions : [];
    const rows = await this.repository.list(this.transactions.outside, { missionId, missions, limit: 500 });
    return rows.map(toPlanSummaryView);
  }

  async get(caller: Caller, id: string): Promise<PlanView> {
    const unit = this.transactions.outside;
    const row = await this.repository.find(unit, id);
    return this.view(unit, row, this.mayRead(caller, row));
  }

  async update(caller: Caller, id: string, patch: UpdatePlan): Promise<PlanView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      const current = await this.changeable(unit, caller, id);
      const errors = scopeErrors({ scope: patch.scope ?? current.scope, cities: patch.cities ?? current.cities });
      if (errors.length > 0) throw Problem.validation(errors);
      const { authors, ...changes } = patch;
      const row = await this.repository.update(unit, id, { ...changes, updatedAt: now });
      if (authors) await this.repository.replaceAuthors(unit, id, await this.authors(unit, authors, current.missionId));
      await this.append(unit, id, { action: 'updated', actor, at: now, details: { fields: Object.keys(patch).sort() } });
      await this.announce(unit, 'action_plan.updated', row, now);
      return this.view(unit, row, true);
    });
  }

  async transition(caller: Caller, id: string, input: PlanTransition): Promise<PlanView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      const current = await this.repository.lock(unit, id);
      this.access.assertMayChange(caller, current.missionId);
      const check = ActionPlanLifecycle.check(current.status, input.status);
      if (!check.allowed) {
        const allowed = check.allowedStatuses;
        throw Problem.conflict(
          'invalid-transition',
          `A ${current.status} action plan cannot become ${input.status}`,
          allowed.length ? `A ${current.status} action plan can only become: ${allowed.join(', ')}.` : `A ${current.status} action plan can no longer change.`,
          { currentStatus: current.status, allowed },
        );
      }
      if (input.status === 'submitted') {
        const missing = missingForSubmission(await this.repository.counts(unit, id));
        if (missing.length > 0) {
          throw Problem.unprocessable('not-ready-to-submit', 'The action plan is not ready to be submitted', `Submitting needs: ${missing.join(', ')}.`, {
            errors: missing.map((field): FieldError => ({ field, message: 'none yet' })),
          });
        }
      }
      const row = await this.repository.update(unit, id, { status: input.status, updatedAt: now });
      await this.append(unit, id, {
        action: 'status_changed',
        actor,
        at: now,
        details: { from: current.status, to: input.status, ...(input.reason ? { reason: input.reason } : {}) },
      });
      const data = await this.eventData(unit, row);
      await this.outbox.add(
        unit,
        'action_plan.status_changed',
        { ...data, previousStatus: current.status, changedBy: actor, changedAt: now.toISOString() },
        { subject: id, missionId: row.missionId, time: now },
      );
      return this.view(unit, row, true);
    });
  }

  async history(caller: Caller, id: string) {
    const unit = this.transactions.outside;
    this.mayRead(caller, await this.repository.find(unit, id));
    const { entries } = await this.trail.planTrail(id);
    return { planId: id, entries: entries.map(({ mouId, ...entry }) => ({ planId: mouId, ...entry })) };
  }

  async verifyHistory(caller: Caller, id: string) {
    const unit = this.transactions.outside;
    this.mayRead(caller, await this.repository.find(unit, id));
    return { planId: id, ...(await this.trail.planTrail(id)).verdict, verifiedAt: new Date().toISOString() };
  }

  async addPilot(caller: Caller, planId: string, input: CreatePilot, key?: IdempotencyKey): Promise<PlanPilotView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      const plan = await this.changeable(unit, caller, planId);
      const values: PilotValues = {
        title: input.title,
        summary: input.summary ?? null,
        mouId: await this.checkedMou(unit, input.mouId ?? null, plan.missionId),
        leadParty: input.leadParty ?? null,
        responsible: await this.person(unit, input.responsible, 'responsible', plan.missionId),
        partners: input.partners,
        means: input.means ?? null,
        budget: input.budget ?? null,
        budgetSources: input.budgetSources,
        status: input.status,
      };
      const id = randomUUID();
      const row = await this.repository.insertPilot(unit, id, planId, values, now);
      await this.append(unit, planId, {
        action: 'pilot_project_added',
        actor,
        at: now,
        details: { pilotProjectId: id, title: input.title, mouId: values.mouId, status: input.status },
      });
      await this.announce(unit, 'action_plan.updated', plan, now);
      return toPlanPilotView(row, [], true);
    });
  }

  /** Takes an MoU's pilot project that is in no plan into this one, with what it had; the MoU still lists it. */
  async adoptPilot(caller: Caller, planId: string, input: AdoptPilot): Promise<PlanPilotView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      const plan = await this.changeable(unit, caller, planId);
      if (!(await this.repository.adoptPilot(unit, planId, input.pilotProjectId, plan.missionId, now))) {
        throw Problem.validation([{ field: 'pilotProjectId', message: 'is not a pilot project of an MoU of the plan’s mission that is in no plan' }]);
      }
      await this.append(unit, planId, { action: 'pilot_project_adopted', actor, at: now, details: { pilotProjectId: input.pilotProjectId } });
      await this.announce(unit, 'action_plan.updated', plan, now);
      return (await this.pilotViews(unit, [await this.repository.pilot(unit, planId, input.pilotProjectId)], true))[0]!;
    });
  }

  async updatePilot(caller: Caller, planId: string, projectId: string, patch: UpdatePilot): Promise<PlanPilotView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      const plan = await this.changeable(unit, caller, planId);
      const current = await this.repository.pilot(unit, planId, projectId);
      const values: PilotValues = {
        title: patch.title ?? current.title,
        summary: patch.summary === undefined ? current.summary : patch.summary,
        mouId: patch.mouId === undefined ? current.mouId : await this.checkedMou(unit, patch.mouId, plan.missionId),
        leadParty: patch.leadParty === undefined ? current.leadParty : patch.leadParty,
        responsible: patch.responsible ? await this.person(unit, patch.responsible, 'responsible', plan.missionId) : responsibleOf(current),
        partners: patch.partners ?? current.partners,
        means: patch.means === undefined ? current.means : patch.means,
        budget:
          patch.budget === undefined
            ? current.budgetAmount === null
              ? null
              : { amount: current.budgetAmount, currency: current.budgetCurrency! }
            : patch.budget,
        budgetSources: patch.budgetSources ?? current.budgetSources,
        status: patch.status ?? current.status,
      };
      const errors = budgetErrors(values);
      if (errors.length > 0) throw Problem.validation(errors);
      const row = await this.repository.updatePilot(unit, planId, projectId, values, now);
      await this.append(unit, planId, {
        action: 'pilot_project_updated',
        actor,
        at: now,
        details: { pilotProjectId: projectId, fields: Object.keys(patch).sort() },
      });
      await this.announce(unit, 'action_plan.updated', plan, now);
      return (await this.pilotViews(unit, [row], true))[0]!;
    });
  }

  async addIndicator(caller: Caller, planId: string, projectId: string, input: CreateIndicator, key?: IdempotencyKey): Promise<PlanPilotView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      await this.changeable(unit, caller, planId);
      const project = await this.repository.pilot(unit, planId, projectId);
      const id = randomUUID();
      await this.repository.insertIndicator(unit, { id, pilotProjectId: projectId, ...input }, now);
      await this.append(unit, planId, { action: 'indicator_added', actor, at: now, details: { pilotProjectId: projectId, indicatorId: id, ...input } });
      return (await this.pilotViews(unit, [project], true))[0]!;
    });
  }

  /** A progress report on an indicator: kept with the others over time, and announced with how far it has come. */
  async addReport(caller: Caller, planId: string, projectId: string, indicatorId: string, input: CreateReport, key?: IdempotencyKey): Promise<PlanPilotView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      const plan = await this.changeable(unit, caller, planId);
      const project = await this.repository.pilot(unit, planId, projectId);
      const indicator = await this.repository.indicator(unit, projectId, indicatorId);
      const id = randomUUID();
      await this.repository.insertReport(unit, {
        id,
        indicatorId,
        value: input.value,
        asOf: input.asOf,
        note: input.note ?? null,
        reportedBy: actor,
        reportedAt: now,
      });
      await this.append(unit, planId, {
        action: 'progress_reported',
        actor,
        at: now,
        details: { pilotProjectId: projectId, indicatorId, reportId: id, value: input.value, asOf: input.asOf },
      });
      const data: EventData<'action_plan.pilot_project_progress'> = {
        planId,
        missionId: plan.missionId,
        planTitle: plan.title,
        pilotProject: { pilotProjectId: projectId, title: project.title, mouId: project.mouId, status: project.status },
        indicator: { indicatorId, name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target },
        reportId: id,
        value: input.value,
        asOf: input.asOf,
        progress: indicatorProgress(indicator, input.value),
        note: input.note ?? null,
        reportedAt: now.toISOString(),
      };
      await this.outbox.add(unit, 'action_plan.pilot_project_progress', data, { subject: projectId, missionId: plan.missionId, time: now });
      return (await this.pilotViews(unit, [project], true))[0]!;
    });
  }

  /** A milestone of the plan, with its reminders: one per configured offset whose time is still to come. */
  async addMilestone(caller: Caller, planId: string, input: CreatePlanMilestone, key?: IdempotencyKey): Promise<PlanMilestoneView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      const plan = await this.changeable(unit, caller, planId);
      if (input.pilotProjectId)
        await this.repository.pilot(unit, planId, input.pilotProjectId).catch(() => {
          throw Problem.validation([{ field: 'pilotProjectId', message: 'is not a pilot project of this plan' }]);
        });
      const owner = await this.person(unit, input.owner, 'owner', plan.missionId);
      const milestone = {
        id: randomUUID(),
        planId,
        pilotProjectId: input.pilotProjectId ?? null,
        title: input.title,
        dueOn: input.dueOn,
        ownerName: owner.name,
        ownerEmail: owner.email,
        ownerLanguage: owner.preferredLanguage,
        ownerRegistrationId: owner.registrationId,
      };
      await this.repository.insertMilestone(unit, milestone, now);
      const reminders = reminderTimes(input.dueOn, this.options.reminderOffsetsMs, now);
      await this.repository.insertReminders(unit, milestone.id, reminders);
      await this.append(unit, planId, {
        action: 'milestone_added',
        actor,
        at: now,
        details: { milestoneId: milestone.id, title: input.title, dueOn: input.dueOn, pilotProjectId: milestone.pilotProjectId },
      });
      return toPlanMilestoneView(
        { ...milestone, completedAt: null },
        true,
        reminders.map((r) => ({ remindAt: r.remindAt, sentAt: null })),
      );
    });
  }

  async completeMilestone(caller: Caller, planId: string, milestoneId: string): Promise<PlanMilestoneView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      await this.changeable(unit, caller, planId);
      const before = await this.repository.milestone(unit, planId, milestoneId);
      if (before.completedAt) {
        throw Problem.conflict('milestone-completed', 'Milestone already completed', `It was completed at ${before.completedAt.toISOString()}.`);
      }
      await this.repository.completeMilestone(unit, milestoneId, now, actor);
      await this.append(unit, planId, { action: 'milestone_completed', actor, at: now, details: { milestoneId } });
      return toPlanMilestoneView(await this.repository.milestone(unit, planId, milestoneId), true);
    });
  }

  /** Public plans are for anyone; the others only for organisers of their mission, and to anyone else they do not exist. */
  private mayRead(caller: Caller, plan: PlanRow): boolean {
    const organiser = mayOrganise(caller, plan.missionId);
    if (plan.visibility !== 'public' && !organiser) throw Problem.notFound('Action plan', plan.id);
    return organiser;
  }

  /** The plan locked for a change by an organiser of its mission; a finished plan takes none. */
  private async changeable(unit: UnitOfWork, caller: Caller, id: string): Promise<PlanRow> {
    const plan = await this.repository.lock(unit, id);
    this.access.assertMayChange(caller, plan.missionId);
    if (ActionPlanLifecycle.isFinished(plan.status)) {
      throw Problem.conflict('action-plan-finished', 'The action plan is finished', `It is ${plan.status}: it takes no more changes.`, {
        currentStatus: plan.status,
      });
    }
    return plan;
  }

  private async append(unit: UnitOfWork, planId: string, record: HistoryRecord): Promise<void> {
    await this.trail.append(unit, planId, record, 'action_plan');
  }

  private async eventData(unit: UnitOfWork, row: PlanRow): Promise<EventData<'action_plan.drafted'>> {
    const { pilotProjects, pilotProjectsWithMou } = await this.repository.counts(unit, row.id);
    return {
      planId: row.id,
      missionId: row.missionId,
      title: row.title,
      scope: row.scope,
      cities: row.cities,
      theme: row.theme,
      status: row.status,
      visibility: row.visibility,
      pilotProjects,
      pilotProjectsWithMou,
    };
  }

  private async announce(unit: UnitOfWork, type: 'action_plan.drafted' | 'action_plan.updated', row: PlanRow, now: Date): Promise<void> {
    await this.outbox.add(unit, type, await this.eventData(unit, row), { subject: row.id, missionId: row.missionId, time: now });
  }

  private async authors(unit: UnitOfWork, inputs: readonly AuthorInput[], missionId: string | null) {
    return Promise.all(
      inputs.map(async (input, index) => {
        if ('registrationId' in input) {
          const contact = await this.participants.checkedContact(
            unit,
            { registrationId: input.registrationId, field: `authors.${index}.registrationId` },
            missionId,
          );
          return { role: input.role, name: contact.name, organisation: input.organisation ?? null, email: contact.email, registrationId: input.registrationId };
        }
        return { role: input.role, name: input.name, organisation: input.organisation ?? null, email: input.email ?? null, registrationId: null };
      }),
    );
  }

  private async person(unit: UnitOfWork, input: PersonInput, field: string, missionId: string | null): Promise<Person> {
    if ('registrationId' in input) {
      const contact = await this.participants.checkedContact(unit, { registrationId: input.registrationId, field: `${field}.registrationId` }, missionId);
      return { ...contact, registrationId: input.registrationId };
    }
    return { name: input.name, email: input.email ?? null, preferredLanguage: input.preferredLanguage ?? null, registrationId: null };
  }

  /** An MoU a pilot project carries out must exist, and be of the plan's mission when both have one. */
  private async checkedMou(unit: UnitOfWork, mouId: string | null, missionId: string | null): Promise<string | null> {
    if (!mouId) return null;
    const mou = await this.repository.mouMission(unit, mouId);
    if (!mou) throw Problem.validation([{ field: 'mouId', message: 'is not an MoU of the registry' }]);
    if (missionId && mou.missionId && mou.missionId !== missionId) throw Problem.validation([{ field: 'mouId', message: 'is an MoU of another mission' }]);
    return mouId;
  }

  private async pilotViews(unit: UnitOfWork, rows: readonly PilotRow[], organiser: boolean): Promise<PlanPilotView[]> {
    const indicators = await this.repository.indicators(
      unit,
      rows.map((row) => row.id),
    );
    const reports = await this.repository.reports(
      unit,
      indicators.map((indicator) => indicator.id),
    );
    return rows.map((row) =>
      toPlanPilotView(
        row,
        indicators
          .filter((indicator) => indicator.pilotProjectId === row.id)
          .map((indicator) =>
            toIndicatorView(
              indicator,
              reports.filter((report) => report.indicatorId === indicator.id),
            ),
          ),
        organiser,
      ),
    );
  }

  private async view(unit: UnitOfWork, row: PlanRow, organiser: boolean): Promise<PlanView> {
    const [authors, pilots, milestones, reminders] = [
      await this.repository.authors(unit, row.id),
      await this.repository.pilots(unit, row.id),
      await this.repository.milestones(unit, row.id),
      organiser ? await this.repository.reminders(unit, row.id) : [],
    ];
    return {
      ...toPlanSummaryView(row),
      nextStatuses: ActionPlanLifecycle.next(row.status),
      authors: authors.map((author) => toAuthorView(author, organiser)),
      pilotProjects: await this.pilotViews(unit, pilots, organiser),
      milestones: milestones.map((milestone) =>
        toPlanMilestoneView(
          milestone,
          organiser,
          reminders.filter((reminder) => reminder.milestoneId === milestone.id),
        ),
      ),
    };
  }
}

function responsibleOf(row: PilotRow): Person {
  return {
    name: row.responsibleName ?? '',
    email: row.responsibleEmail,
    preferredLanguage: row.responsibleLanguage,
    registrationId: row.responsibleRegistrationId,
  };
}
