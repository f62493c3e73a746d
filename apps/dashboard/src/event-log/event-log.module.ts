import { Module } from '@nestjs/common';
import { CountersModule } from '../counters/counters.module.js';
import { MissionEventsHandler } from './mission-events.handler.js';

@Module({ imports: [CountersModule], controllers: [MissionEventsHandler] })
export class EventLogModule {}
