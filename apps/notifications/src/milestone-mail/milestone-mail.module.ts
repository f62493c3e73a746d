import { Module } from '@nestjs/common';
import { MilestoneEventsHandler } from './milestone-events.handler.js';

@Module({ controllers: [MilestoneEventsHandler] })
export class MilestoneMailModule {}
