import { Module } from '@nestjs/common';
import { MissionEventsHandler } from './mission-events.handler.js';

@Module({ controllers: [MissionEventsHandler] })
export class MissionsModule {}
