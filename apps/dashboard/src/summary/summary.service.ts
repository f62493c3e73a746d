import { assertOrganiserOf, Transactions, type Caller } from '#common';
import { Injectable } from '@nestjs/common';
import { CountersRepository } from '../counters/counters.repository.js';
import { EventLogRepository } from '../event-log/event-log.repository.js';
import { summarise, type MissionSummary } from './summary.view.js';

@Injectable()
export class SummaryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly counters: CountersRepository,
    private readonly eventLog: EventLogRepository,
  ) {}

  async summary(caller: Caller, missionId: string): Promise<MissionSummary> {
    assertOrganiserOf(caller, missionId);
    // One snapshot for every count and the stream position, so they describe the same moment.
    return this.transactions.run(async (unit) => {
      this.eventLog.deferSnapshot(unit);
      const counts = await this.counters.counts(unit, missionId);
      return summarise({ missionId, position: await this.eventLog.lastPosition(unit, missionId), ...counts });
    });
  }
}
