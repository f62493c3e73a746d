import { Logger, type LoggerService, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sql, type Statement } from './statement.js';
import type { UnitOfWork } from './unit-of-work.js';

/** Names this process in `periodic_runs`: which instance ran a period. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}`;

/** How long a job's past periods are kept, for an operator (and a test) to read who ran which. */
const RUNS_KEPT_FOR = '7 days';

export interface PeriodicJobOptions {
  /** The job's name, its row key in `periodic_runs`; also its name in `PERIODIC_JOBS`. */
  name: string;
  /** The length of a period: the job runs once in each, on one instance. */
  intervalMs: number;
  /** One run; it must make up for a period that was claimed but never finished (a crash). */
  run: () => Promise<unknown>;
  /** Statements outside a transaction (`Transactions.outside`): the claim commits before the run. */
  database: () => UnitOfWork;
  logger: LoggerService;
  /** Who claims, in `periodic_runs` (default: this host and process). */
  instance?: string;
}

/**
 * Claims the period starting at `periodStart` for this instance: one row per job and period, so
 * that of every instance waking for it only the first inserts. No row back: another has it.
 */
export function claimPeriod(job: string, periodStart: Date, instance: string): Statement {
  return sql(`INSERT INTO periodic_runs (job, period_start, instance) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING period_start`, [
    job,
    periodStart,
    instance,
  ]);
}

/**
 * A job that runs once per period across every instance of a service (retention, the MoU
 * registry's calendar): each instance wakes at each period's start and tries to claim it
 * (`claimPeriod`); the one that inserted the row runs the job, the others find it taken. A run
 * that crashes leaves its period claimed and unfinished: the next period's run makes up for it.
 * See docs/DESIGN.md, "Running several instances".
 */
export class PeriodicJob {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  /** Periods' starts that came while this instance's run of an earlier one was still going. */
  private readonly pending: number[] = [];
  private stopped = true;

  constructor(private readonly options: PeriodicJobOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Claims the period starting at `periodStart` (default: the current one) and runs the job if this instance got it; answers whether it ran. */
  async runIfClaimed(periodStart = this.periodStart(Date.now())): Promise<boolean> {
    const { name, database } = this.options;
    const [claimed] = await database().query<{ period_start: Date }>(claimPeriod(name, new Date(periodStart), this.options.instance ?? INSTANCE_NAME));
    if (!claimed) return false;
    await this.options.run();
    await database().query(
      sql(
        `WITH finished AS (UPDATE periodic_runs SET finished_at = clock_timestamp() WHERE job = $1 AND period_start = $2)
         DELETE FROM periodic_runs WHERE job = $1 AND period_start < now() - $3::interval`,
        [name, claimed.period_start, RUNS_KEPT_FOR],
      ),
    );
    return true;
  }

  private periodStart(at: number): number {
    return at - (at % this.options.intervalMs);
  }

  /**
   * The wake-up for the period after `after` (the first: the next period), a little after it starts
   * (instances' clocks differ by a little). The period claimed is the one the wake-up was for,
   * however late it comes (a stalled process, a pool with no connection free): a process stalled
   * past several periods wakes for each in turn. An instance still running the job claims the
   * periods that came meanwhile once it is done, if no other instance has.
   */
  private schedule(after?: number): void {
    if (this.stopped) return;
    const { intervalMs } = this.options;
    const next = (after ?? this.periodStart(Date.now())) + intervalMs;
    this.timer = setTimeout(
      () => {
        this.schedule(next);
        this.claimAndRun(next);
      },
      Math.max(next - Date.now() + Math.min(intervalMs / 20, 1000), 0),
    );
    this.timer.unref();
  }

  private claimAndRun(periodStart: number): void {
    if (this.stopped) return;
    if (this.running) {
      this.pending.push(periodStart);
      return;
    }
    this.running = this.runIfClaimed(periodStart)
      .catch((error: Error) => this.options.logger.warn({ msg: `periodic job ${this.options.name} failed`, reason: error.message }))
      .finally(() => {
        this.running = undefined;
        const pending = this.pending.shift();
        if (pending !== undefined) this.claimAndRun(pending);
      });
  }
}

/** What a provider gives its `PeriodicJob`: the run is its own `run`, the logger its own. */
export type PeriodicSchedule = Pick<PeriodicJobOptions, 'name' | 'intervalMs' | 'database' | 'instance'>;

/**
 * A Nest provider whose work is a `PeriodicJob`: started with the application (unless `enabled`
 * says not), stopped with it, the run under way finished first. `run` is one period's work, which a
 * test may also call.
 */
export abstract class PeriodicWork implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private readonly job: PeriodicJob;

  protected constructor(schedule: PeriodicSchedule) {
    this.job = new PeriodicJob({ ...schedule, run: () => this.run(), logger: this.logger });
  }

  abstract run(): Promise<unknown>;

  /** Whether this instance runs the job at all: one with nothing configured to do does not. */
  protected enabled(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (this.enabled()) this.job.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.job.stop();
  }
}

/** The claims of every periodic job of the service; DatabaseModule adds it to every service's migrations. */
export class CreatePeriodicRuns1732000020000 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE periodic_runs (
        job text NOT NULL,
        period_start timestamptz NOT NULL,
        instance text NOT NULL,
        claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at timestamptz,
        PRIMARY KEY (job, period_start)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE periodic_runs`);
  }
}
