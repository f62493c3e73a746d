import { Module } from '@nestjs/common';
import { CountersModule } from '../counters/counters.module.js';
import { EventLogRepository } from './event-log.repository.js';
import { MissionEventsHandler } from './mission-events.handler.js';

@Module({ imports: [CountersModule], controllers: [MissionEventsHandler], providers: [EventLogRepository], exports: [EventLogRepository] })
export class EventLogModule {}
