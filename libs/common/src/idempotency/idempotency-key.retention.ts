import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SERVICE_CONFIG } from '../config/config.module.js';
import type { ServiceConfig } from '../config/service-config.js';
import { sweepExpiredRows } from '../database/expired-rows.js';
import { PeriodicWork } from '../database/periodic-job.js';
import { Transactions } from '../database/unit-of-work.js';
import { IDEMPOTENCY_KEYS_KEPT_FOR, IdempotencyKeysRepository } from './idempotency-keys.repository.js';

const HOURLY = 3_600_000;

/**
 * Kept responses are only replayed within a day of their key's first use; after that a reused
 * key starts afresh, so older rows are dead weight (and encrypted secrets no one can ask for).
 * One instance of the service deletes them once an hour (`PeriodicJob`), in batches.
 */
@Injectable()
export class IdempotencyKeyRetention extends PeriodicWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    super({ name: 'idempotency-keys', intervalMs: config.periodicJobs['idempotency-keys'] ?? HOURLY, database: () => transactions.outside });
  }

  /** Deletes the kept responses past their time; answers how many went (0 in a service without create calls). */
  async run(): Promise<number> {
    if (!(await IdempotencyKeysRepository.present(this.transactions.outside))) return 0;
    const deleted =
      (await sweepExpiredRows(this.dataSource, 'idempotency-keys', (deleteExpired) =>
        deleteExpired({ table: 'idempotency_keys', key: 'id', where: 'created_at < now() - $1::interval' }, [IDEMPOTENCY_KEYS_KEPT_FOR]),
      )) ?? 0;
    if (deleted > 0) this.logger.log({ msg: 'idempotency key sweep', rowsDeleted: deleted });
    return deleted;
  }
}
