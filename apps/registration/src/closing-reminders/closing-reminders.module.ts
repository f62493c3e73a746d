import { Module } from '@nestjs/common';
import { ClosingRemindersRepository } from './closing-reminders.repository.js';
import { ClosingRemindersService } from './closing-reminders.service.js';

/** Reminders before a mission's registration closes: a periodic look, no HTTP. */
@Module({ providers: [ClosingRemindersRepository, ClosingRemindersService] })
export class ClosingRemindersModule {}
