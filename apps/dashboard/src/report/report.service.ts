import { assertOrganiserOf, Transactions, type Caller } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { EventLogRepository } from '../event-log/event-log.repository.js';
import { MissionReportBuilder, type MissionReport } from './mission-report.rules.js';

/** Events read per round trip while the report is folded. */
const PAGE = 2_000;

@Injectable()
export class ReportService {
  constructor(
    private readonly transactions: Transactions,
    private readonly eventLog: EventLogRepository,
  ) {}

  /** The mission summed up from its log, read page by page in one snapshot so the pages describe one moment. */
  async report(caller: Caller, missionId: string): Promise<MissionReport> {
    assertOrganiserOf(caller, missionId);
    return this.transactions.run(async (unit) => {
      this.eventLog.deferSnapshot(unit);
      const report = new MissionReportBuilder(missionId);
      for (let after = 0; ;) {
        const page = await this.eventLog.after(unit, missionId, after, PAGE);
        for (const logged of page) report.add(JSON.parse(logged.json) as CloudEvent, logged.position);
        if (page.length < PAGE) return report.build();
        after = page[page.length - 1]!.position;
      }
    });
  }
}
