import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { CounterStatement } from './counter-statement.js';

/** The MoU events that carry the MoU's status; milestones do not change it. */
const mouTypes = new Set(['mou.drafted', 'mou.updated', 'mou.status_changed', 'mou.version_added']);
type MouEvent = CloudEvent<'mou.drafted' | 'mou.updated' | 'mou.status_changed' | 'mou.version_added'>;

/** mou.* → each MoU's current status. */
@Injectable()
export class MouEventsHandler {
  handles(event: CloudEvent): boolean {
    return mouTypes.has(event.type);
  }

  statement(event: CloudEvent): CounterStatement {
    const { data } = event as MouEvent;
    return {
      sql: `INSERT INTO mous (mou_id, mission_id, status, as_of) VALUES ($1, $2, $3, $4)
       ON CONFLICT (mou_id) DO UPDATE SET mission_id = excluded.mission_id, status = excluded.status, as_of = excluded.as_of WHERE mous.as_of <= excluded.as_of`,
      parameters: [data.mouId, data.missionId, data.status, event.time],
    };
  }
}
