import { dueOffset, PeriodicWork, SERVICE_CONFIG, Transactions, type ReminderOffset, type ServiceConfig } from '#common';
import { OutboxService } from '#messaging';
import { Inject, Injectable } from '@nestjs/common';
import { ClosingRemindersRepository, type ClosingCandidate } from './closing-reminders.repository.js';

const BATCH = 100;

/**
 * Before a mission's registration closes (`REGISTRATION_CLOSING_REMINDER_OFFSETS`), whoever is still
 * waiting, for an organiser's approval or on the waitlist, is reminded once per closing time:
 * `registration.closing_reminder_due` per registration, in the transaction that records the reminder
 * in `closing_reminders_sent` (docs/DESIGN.md, Reminders). A `PeriodicJob` (`closing-reminders`).
 */
@Injectable()
export class ClosingRemindersService extends PeriodicWork {
  private readonly offsets: ReminderOffset[];

  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly reminders: ClosingRemindersRepository,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    super({ name: 'closing-reminders', intervalMs: config.periodicJobs['closing-reminders'] ?? 60_000, database: () => transactions.outside });
    this.offsets = config.reminderOffsets.registrationClosing;
  }

  protected override enabled(): boolean {
    return this.offsets.length > 0;
  }

  /** One look; answers how many registrations it reminded. */
  async run(now = new Date()): Promise<number> {
    const ms = this.offsets.map((offset) => offset.ms);
    const seen = new Set<string>();
    let reminded = 0;
    for (;;) {
      const candidates = (await this.reminders.due(this.transactions.outside, now, ms, BATCH)).filter((candidate) => !seen.has(candidate.missionId));
      if (candidates.length === 0) break;
      for (const candidate of candidates) {
        seen.add(candidate.missionId);
        const offset = dueOffset(candidate.closesAt, this.offsets, now);
        if (offset) reminded += await this.remind(candidate, offset);
      }
    }
    if (reminded > 0) this.logger.log({ msg: 'closing reminders announced', registrations: reminded });
    return reminded;
  }

  private remind(candidate: ClosingCandidate, offset: ReminderOffset): Promise<number> {
    return this.transactions.run(async (unit) => {
      const waiting = await this.reminders.holdAndWaiting(unit, candidate.missionId, candidate.closesAt);
      if (!waiting) return 0;
      const recorded = await this.reminders.record(unit, { ...candidate, offsetMs: offset.ms, offset: offset.offset, recipients: waiting.length });
      if (!recorded) return 0;
      await this.outbox.addMany(
        unit,
        waiting.map(({ registrationId, status }) => ({
          type: 'registration.closing_reminder_due' as const,
          data: { missionId: candidate.missionId, registrationId, status, closesAt: candidate.closesAt.toISOString(), offset: offset.offset },
          context: { subject: registrationId, missionId: candidate.missionId },
        })),
      );
      return waiting.length;
    });
  }
}
