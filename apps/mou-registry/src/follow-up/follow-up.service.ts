import { answerOnce, Problem, Transactions, type UnitOfWork, type Caller, type IdempotencyKey } from '#common';
import { OutboxService, type OutboxEntry } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../clock.js';
import { HistoryService } from '../history/history.service.js';
import { actorOf, MouAccessService } from '../mous/mou-access.service.js';
import { MousRepository, type MouRow } from '../mous/mous.repository.js';
import { ParticipantsService, type Contact } from '../participants/participants.service.js';
import { toMilestoneEventData } from './follow-up.events.js';
import { FollowUpRepository, type MilestoneRow } from './follow-up.repository.js';
import type { CreateMilestone, CreatePilotProject, UpdatePilotProject } from './follow-up.schema.js';
import { toMilestoneView, toPilotProjectView, type MilestoneView, type PilotProjectView } from './follow-up.view.js';

/** The follow-up of an MoU: the pilot projects of its action plan, and milestones with owners and due dates. */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly mous: MousRepository,
    private readonly repository: FollowUpRepository,
    private readonly access: MouAccessService,
    private readonly history: HistoryService,
    private readonly participants: ParticipantsService,
    private readonly outbox: OutboxService,
  ) {}

  async addPilotProject(caller: Caller, mouId: string, input: CreatePilotProject, key?: IdempotencyKey): Promise<PilotProjectView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      const mou = await this.mous.lock(unit, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      assertParty(mou, input.leadParty);
      const id = randomUUID();
      const row = await this.repository.insertPilotProject(unit, {
        id,
        mouId,
        title: input.title,
        leadParty: input.leadParty,
        budget: input.budget ?? null,
        status: input.status,
        at: now,
      });
      await this.history.append(unit, mouId, { action: 'pilot_project_added', actor, at: now, details: { pilotProjectId: id, ...input } });
      return toPilotProjectView(row);
    });
  }

  async updatePilotProject(caller: Caller, mouId: string, projectId: string, patch: UpdatePilotProject): Promise<PilotProjectView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return this.transactions.run(async (unit) => {
      const mou = await this.mous.lock(unit, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      if (patch.leadParty) assertParty(mou, patch.leadParty);
      const row = await this.repository.updatePilotProject(unit, mouId, projectId, { ...patch, updatedAt: now });
      await this.history.append(unit, mouId, { action: 'pilot_project_updated', actor, at: now, details: { pilotProjectId: projectId, ...patch } });
      return toPilotProjectView(row);
    });
  }

  async pilotProjects(caller: Caller, mouId: string): Promise<PilotProjectView[]> {
    await this.access.readable(caller, mouId);
    const rows = await this.repository.pilotProjects(this.transactions.outside, mouId);
    return rows.map(toPilotProjectView);
  }

  async addMilestone(caller: Caller, mouId: string, input: CreateMilestone, key?: IdempotencyKey): Promise<MilestoneView> {
    const actor = actorOf(caller);
    const now = this.clock.now();
    return answerOnce(this.transactions, key, async (unit) => {
      const mou = await this.mous.lock(unit, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      let pilotProjectTitle: string | null = null;
      if (input.pilotProjectId) {
        const title = await this.repository.pilotProjectTitle(unit, mouId, input.pilotProjectId);
        if (title === undefined) throw Problem.validation([{ field: 'pilotProjectId', message: 'is not a pilot project of this MoU' }]);
        pilotProjectTitle = title;
      }
      // A participant who owns it is read once, for the link's check and the contact stored with the milestone.
      const owner: Contact & { registrationId: string | null } =
        'registrationId' in input.owner
          ? {
              ...(await this.participants.checkedContact(unit, { registrationId: input.owner.registrationId, field: 'owner.registrationId' }, mou.missionId)),
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
      await this.repository.insertMilestone(unit, milestone, now);
      await this.history.append(unit, mouId, {
        action: 'milestone_added',
        actor,
        at: now,
        details: { milestoneId: milestone.id, title: input.title, dueOn: input.dueOn, pilotProjectId: milestone.pilotProjectId },
      });
      await this.outbox.add(unit, 'mou.milestone_added', toMilestoneEventData(mou, milestone), {
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
    return this.transactions.run(async (unit) => {
      const mou = await this.mous.lock(unit, mouId);
      this.access.assertMayChange(caller, mou.missionId);
      const before = await this.repository.milestone(unit, mouId, milestoneId);
      if (before.completedAt) {
        throw Problem.conflict('milestone-completed', 'Milestone already completed', `It was completed at ${before.completedAt.toISOString()}.`);
      }
      await this.repository.complete(unit, milestoneId, now, actor);
      const milestone = await this.repository.milestone(unit, mouId, milestoneId);
      await this.history.append(unit, mouId, { action: 'milestone_completed', actor, at: now, details: { milestoneId } });
      await this.outbox.add(
        unit,
        'mou.milestone_completed',
        { ...toMilestoneEventData(mou, milestone, await this.ownerNow(unit, milestone)), completedAt: now.toISOString() },
        { subject: milestoneId, missionId: mou.missionId, time: now },
      );
      return toMilestoneView(milestone, true);
    });
  }

  async milestones(caller: Caller, mouId: string): Promise<MilestoneView[]> {
    const { organiser } = await this.access.readable(caller, mouId);
    const rows = await this.repository.milestones(this.transactions.outside, mouId);
    return rows.map((row) => toMilestoneView(row, organiser));
  }

  /**
   * Announces overdue milestones, in the caller's transaction (which holds their rows and their MoUs'):
   * each marked as announced with its `mou.milestone_due` and its trail entry, so it is announced once.
   */
  async announceDue(unit: UnitOfWork, due: readonly { mou: MouRow; milestoneId: string }[], now: Date): Promise<void> {
    if (due.length === 0) return;
    // A check announces a hundred at a time: they are marked and read back in one statement, their owners read in one
    // more; their trail entries are still written one by one, each chained to the one before.
    const rows = await this.repository.markAnnounced(
      unit,
      due.map(({ milestoneId }) => milestoneId),
      now,
    );
    const milestones = new Map(rows.map((row) => [row.id, row]));
    const owners = await this.participants.contacts(
      unit,
      rows.flatMap((row) => (row.ownerRegistrationId ? [row.ownerRegistrationId] : [])),
    );
    const events: OutboxEntry[] = [];
    for (const { mou, milestoneId } of due) {
      const milestone = milestones.get(milestoneId)!;
      await this.history.append(unit, mou.id, { action: 'milestone_due', actor: REGISTRY, at: now, details: { milestoneId, dueOn: milestone.dueOn } });
      const owner = milestone.ownerRegistrationId ? (owners.get(milestone.ownerRegistrationId) ?? null) : null;
      events.push({
        type: 'mou.milestone_due',
        data: toMilestoneEventData(mou, milestone, owner),
        context: { subject: milestoneId, missionId: mou.missionId, time: now },
      });
    }
    await this.outbox.addMany(unit, events);
  }

  /** A participant who owns the milestone, as they can be reached now. */
  private async ownerNow(unit: UnitOfWork, milestone: MilestoneRow): Promise<Contact | null> {
    return milestone.ownerRegistrationId ? this.participants.contact(unit, milestone.ownerRegistrationId) : null;
  }
}

/** The actor of what the registry does by itself (reminders, expiry). */
export const REGISTRY = 'mou-registry';

function assertParty(mou: MouRow, name: string): void {
  if (!mou.parties.some((party) => party.name.toLowerCase() === name.toLowerCase())) {
    throw Problem.validation([{ field: 'leadParty', message: 'must be the name of one of the MoU’s parties' }]);
  }
}
