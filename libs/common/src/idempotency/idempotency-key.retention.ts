import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sweepExpiredRows } from '../database/expired-rows.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { IDEMPOTENCY_KEYS_KEPT_FOR, IdempotencyKeysRepository } from './idempotency-keys.repository.js';

const HOURLY = 3_600_000;

/**
 * Kept responses are only replayed within a day of their key's first use; after that a reused
 * key starts afresh, so older rows are dead weight (and encrypted secrets no one can ask for).
 * One instance of the service deletes them at a time, in batches.
 */
@Injectable()
export class IdempotencyKeyRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyKeyRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.sweep().catch((error: Error) => this.logger.warn({ msg: 'idempotency key sweep failed', reason: error.message })),
      HOURLY,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Deletes the kept responses past their time; answers how many went (0 in a service without create calls). */
  async sweep(): Promise<number> {
    if (!(await IdempotencyKeysRepository.present(UnitOfWork.of(this.dataSource.manager)))) return 0;
    const deleted =
      (await sweepExpiredRows(this.dataSource, 'idempotency-keys', (deleteExpired) =>
        deleteExpired({ table: 'idempotency_keys', key: 'id', where: 'created_at < now() - $1::interval' }, [IDEMPOTENCY_KEYS_KEPT_FOR]),
      )) ?? 0;
    if (deleted > 0) this.logger.log({ msg: 'idempotency key sweep', rowsDeleted: deleted });
    return deleted;
  }
}
