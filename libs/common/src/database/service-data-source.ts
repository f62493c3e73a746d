import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The service's DataSource. Nest closes it (TypeORM's module shutdown hook) before the hooks of the
 * global modules that use it, so the outbox relay's last drain, or the e-mails a dispatcher is
 * sending, would find the connections gone. Work registered with `beforeClose` runs first, the
 * newest first (the dispatcher records its last e-mails before the relay publishes what that wrote).
 */
export class ServiceDataSource extends DataSource {
  private readonly closing: (() => Promise<void>)[] = [];

  beforeClose(task: () => Promise<void>): void {
    this.closing.push(task);
  }

  override async destroy(): Promise<void> {
    for (const task of this.closing.splice(0).reverse()) {
      try {
        await task();
      } catch (err) {
        new Logger('Database').warn({ msg: 'shutdown work failed before the database closed', reason: err instanceof Error ? err.message : String(err) });
      }
    }
    await super.destroy();
  }
}

/** Runs `task` at shutdown while the service's database connections are still open (see ServiceDataSource). */
export function beforeDatabaseCloses(dataSource: DataSource, task: () => Promise<void>): void {
  if (dataSource instanceof ServiceDataSource) dataSource.beforeClose(task);
}
