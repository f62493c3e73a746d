import { PeriodicJob, Transactions } from '#common';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock.js';
import { utcDay } from '../mous/mou.rules.js';
import { MOU_COLUMNS, mouColumns, type MouRow } from '../mous/mou.view.js';
import { MousService } from '../mous/mous.service.js';
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
export class FollowUpCheck implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FollowUpCheck.name);
  private readonly job: PeriodicJob;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FOLLOW_UP_OPTIONS) private readonly options: FollowUpOptions,
    private readonly followUp: FollowUpService,
    private readonly mous: MousService,
    @Inject(Transactions) transactions: Transactions,
  ) {
    this.job = new PeriodicJob({
      name: 'mou-follow-up',
      intervalMs: options.intervalMs,
      run: () => this.run(),
      database: () => transactions.outside,
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }

  /** One look; answers how many milestones it announced and how many MoUs it expired. */
  async run(): Promise<{ due: number; expired: number }> {
    const now = this.clock.now();
    const today = utcDay(now);
    let due = 0;
    let expired = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const rows: (MouRow & { milestoneId: string })[] = await manager.query(
          `SELECT m.id AS "milestoneId", ${mouColumns('mo')} FROM milestones m JOIN mous mo ON mo.id = m.mou_id
           WHERE m.completed_at IS NULL AND m.due_announced_at IS NULL AND m.due_on < $1
           ORDER BY m.due_on LIMIT ${BATCH} FOR UPDATE OF m, mo SKIP LOCKED`,
          [today],
        );
        await this.followUp.announceDue(
          manager,
          rows.map(({ milestoneId, ...mou }) => ({ mou, milestoneId })),
          now,
        );
        return rows.length;
      });
      due += done;
      if (done < BATCH) break;
    }
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const rows: MouRow[] = await manager.query(
          `SELECT ${MOU_COLUMNS} FROM mous WHERE status IN ('signed', 'in_force') AND expires_on < $1 LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          [today],
        );
        for (const mou of rows) await this.mous.move(manager, mou, { status: 'expired' }, 'clock', REGISTRY);
        return rows.length;
      });
      expired += done;
      if (done < BATCH) break;
    }
    if (due + expired > 0) this.logger.log({ msg: 'follow-up check', milestonesDue: due, mousExpired: expired });
    return { due, expired };
  }
}
