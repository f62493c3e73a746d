import { beforeDatabaseCloses, WakeableLoop } from '#common';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BroadcastsService } from './broadcasts.service.js';

/** How often every instance looks for a broadcast whose time has come: a scheduled one goes within this of its `sendAt`. */
const POLL_INTERVAL_MS = 1_000;

/**
 * Releases broadcasts when their time comes: woken in this process when one due now is written, and
 * by a poll for those scheduled for later (or left by an instance that stopped). Several instances
 * poll at once; the row lock of each release makes each broadcast go once (`BroadcastsService.releaseDue`).
 */
@Injectable()
export class BroadcastReleaseService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BroadcastReleaseService.name);
  private readonly loop: WakeableLoop;
  private stopped?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    broadcasts: BroadcastsService,
  ) {
    this.loop = new WakeableLoop({
      pass: () => broadcasts.releaseDue(),
      concurrent: 1,
      pollIntervalMs: POLL_INTERVAL_MS,
      logger: this.logger,
      messages: { failed: 'broadcast release failed; retrying', recovered: 'broadcast release recovered' },
    });
    broadcasts.onDue = () => this.loop.wake();
  }

  onApplicationBootstrap(): void {
    this.loop.start();
    beforeDatabaseCloses(this.dataSource, () => this.stop());
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  private stop(): Promise<void> {
    this.stopped ??= this.loop.stop();
    return this.stopped;
  }
}
