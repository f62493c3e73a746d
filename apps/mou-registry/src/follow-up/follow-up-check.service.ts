import { PeriodicWork, Transactions } from '#common';
import { Inject, Injectable } from '@nestjs/common';

import { CLOCK, type Clock } from '../clock.js';
import { utcDay } from '../mous/mou.rules.js';
import { MousRepository } from '../mous/mous.repository.js';
import { MousService } from '../mous/mous.service.js';
import { FollowUpRepository } from './follow-up.repository.js';
import { FollowUpService, REGISTRY } from './follow-up.service.js';

export const FOLLOW_UP_OPTIONS = Symbol('follow-up options');

export interface FollowUpOptions {
  /** How often the registry looks for overdue milestones and expired MoUs (default every minute). */
  intervalMs: number;
}

const BATCH = 100;

/**
 * The registry's periodic look at the calendar (its clock's): overdue milestones announce
 * `mou.milestone_due` and MoUs past their expiry date expire. Each is done in the transaction that
 * locks its rows, skipping rows another instance holds, and marks what it did: every instance may
 * run it at any time and each milestone is announced once, each MoU expired once. Its timer is a
 * `PeriodicJob` (`mou-follow-up`): one instance looks per period.
 */
@Injectable()
export class FollowUpCheckService extends PeriodicWork {
  constructor(
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FOLLOW_UP_OPTIONS) private readonly options: FollowUpOptions,
    private readonly followUp: FollowUpService,
    private readonly mous: MousService,
    private readonly mouRows: MousRepository,
    private readonly repository: FollowUpRepository,
  ) {
    super({ name: 'mou-follow-up', intervalMs: options.intervalMs, database: () => transactions.outside });
  }

  /** One look; answers how many milestones it announced and how many MoUs it expired. */
  async run(): Promise<{ due: number; expired: number }> {
    const now = this.clock.now();
    const today = utcDay(now);
    let due = 0;
    let expired = 0;
    for (;;) {
      const done = await this.transactions.run(async (unit) => {
        const rows = await this.repository.lockDue(unit, today, BATCH);
        await this.followUp.announceDue(
          unit,
          rows.map(({ milestoneId, ...mou }) => ({ mou, milestoneId })),
          now,
        );
        return rows.length;
      });
      due += done;
      if (done < BATCH) break;
    }
    for (;;) {
      const done = await this.transactions.run(async (unit) => {
        const rows = await this.mouRows.lockExpired(unit, today, BATCH);
        for (const mou of rows) await this.mous.move(unit, mou, { status: 'expired' }, 'clock', REGISTRY);
        return rows.length;
      });
      expired += done;
      if (done < BATCH) break;
    }
    if (due + expired > 0) this.logger.log({ msg: 'follow-up check', milestonesDue: due, mousExpired: expired });
    return { due, expired };
  }
}
