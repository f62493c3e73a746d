import { Module } from '@nestjs/common';
import { MissionsModule } from '../missions/missions.module.js';
import { ProgrammeRepository } from '../programme/programme.repository.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';

/** Reminders before sessions and meetings: a periodic look, no HTTP. */
@Module({
  imports: [MissionsModule],
  providers: [RemindersRepository, RemindersService, ProgrammeRepository],
})
export class RemindersModule {}
