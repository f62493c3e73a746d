import { PeriodicWork, Transactions, type UnitOfWork } from '#common';
import type { EventData } from '#contracts';
import { OutboxService, type OutboxEntry } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock.js';
import { ParticipantsService } from '../participants/participants.service.js';
import { ActionPlansRepository, type DueReminderRow } from './action-plans.repository.js';
import { ACTION_PLAN_OPTIONS, type ActionPlanOptions } from './action-plans.service.js';

const BATCH = 100;

/**
 * Reminders of plan milestones before they are due. Each reminder is a row (`milestone_reminders`)
 * written with its milestone; a look locks the rows due, skipping those another instance holds, and
 * marks each sent in the transaction that writes its `action_plan.milestone_reminder_due` to the
 * outbox: sent once, across instances and restarts. Its timer is a `PeriodicJob`
 * (`action-plan-reminders`): one instance looks per period, and any may.
 */
@Injectable()
export class MilestoneRemindersService extends PeriodicWork {
  constructor(
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ACTION_PLAN_OPTIONS) options: ActionPlanOptions,
    private readonly repository: ActionPlansRepository,
    private readonly participants: ParticipantsService,
    private readonly outbox: OutboxService,
  ) {
    super({ name: 'action-plan-reminders', intervalMs: options.reminderIntervalMs, database: () => transactions.outside });
  }

  /** One look; answers how many reminders it announced. */
  async run(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.clock.now();
      const done = await this.transactions.run(async (unit) => {
        const rows = await this.repository.lockDueReminders(unit, now, BATCH);
        await this.announce(unit, rows, now);
        return rows.length;
      });
      sent += done;
      if (done < BATCH) break;
    }
    if (sent > 0) this.logger.log({ msg: 'milestone reminders', sent });
    return sent;
  }

  private async announce(unit: UnitOfWork, rows: readonly DueReminderRow[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.repository.markReminded(unit, rows, now);
    // Participants are reminded at the address they have now (none once erased), read in one statement.
    const contacts = await this.participants.contacts(
      unit,
      rows.flatMap((row) => [row.ownerRegistrationId, row.responsibleRegistrationId].filter((id): id is string => id !== null)),
    );
    const events: OutboxEntry[] = rows.map((row) => {
      const recipients: EventData<'action_plan.milestone_reminder_due'>['recipients'] = [];
      const add = (
        role: 'owner' | 'responsible',
        registrationId: string | null,
        stored: { name: string | null; email: string | null; language: string | null },
      ) => {
        const contact = registrationId ? contacts.get(registrationId) : undefined;
        const person = contact ?? { name: stored.name ?? '', email: stored.email, preferredLanguage: stored.language };
        const same = recipients.find((r) => (registrationId && r.registrationId === registrationId) || (person.email && r.email === person.email));
        if (!same && person.name) recipients.push({ role, ...person, registrationId });
      };
      add('owner', row.ownerRegistrationId, { name: row.ownerName, email: row.ownerEmail, language: row.ownerLanguage });
      if (row.pilotProjectId) {
        add('responsible', row.responsibleRegistrationId, { name: row.responsibleName, email: row.responsibleEmail, language: row.responsibleLanguage });
      }
      const data: EventData<'action_plan.milestone_reminder_due'> = {
        planId: row.planId,
        missionId: row.missionId,
        planTitle: row.planTitle,
        milestoneId: row.milestoneId,
        title: row.title,
        dueOn: row.dueOn,
        remindAt: row.remindAt.toISOString(),
        offsetMs: row.offsetMs,
        pilotProject: row.pilotProjectId ? { pilotProjectId: row.pilotProjectId, title: row.pilotProjectTitle! } : null,
        recipients,
      };
      // The subject names the reminder, not only the milestone: each offset is its own event.
      return { type: 'action_plan.milestone_reminder_due', data, context: { subject: row.milestoneId, missionId: row.missionId, time: now } };
    });
    await this.outbox.addMany(unit, events);
  }
}
