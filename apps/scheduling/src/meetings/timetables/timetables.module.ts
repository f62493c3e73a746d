import { Module } from '@nestjs/common';
import { TimetablesController } from './timetables.controller.js';
import { TimetablesRepository } from './timetables.repository.js';
import { TimetablesService } from './timetables.service.js';

/** Each participant's meeting timetable, as the last run announced it. */
@Module({ controllers: [TimetablesController], providers: [TimetablesService, TimetablesRepository], exports: [TimetablesService, TimetablesRepository] })
export class MeetingTimetablesModule {}
