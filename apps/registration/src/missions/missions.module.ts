import { Module } from '@nestjs/common';
import { MissionEventsHandler } from './mission-events.handler.js';
import { MissionsRepository } from './missions.repository.js';

@Module({ controllers: [MissionEventsHandler], providers: [MissionsRepository], exports: [MissionsRepository] })
export class MissionsModule {}
