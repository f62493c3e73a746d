import { Module } from '@nestjs/common';
import { CountersModule } from '../counters/counters.module.js';
import { EventLogModule } from '../event-log/event-log.module.js';
import { SummaryController } from './summary.controller.js';
import { SummaryService } from './summary.service.js';

@Module({ imports: [CountersModule, EventLogModule], controllers: [SummaryController], providers: [SummaryService] })
export class SummaryModule {}
