import { Module } from '@nestjs/common';
import { EventLogModule } from '../event-log/event-log.module.js';
import { ReportController } from './report.controller.js';
import { ReportService } from './report.service.js';

@Module({ imports: [EventLogModule], controllers: [ReportController], providers: [ReportService] })
export class ReportModule {}
