import type { Statement } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { CountersRepository } from './counters.repository.js';

/** The MoU events that carry the MoU's status; milestones do not change it. */
const mouTypes = new Set(['mou.drafted', 'mou.updated', 'mou.status_changed', 'mou.version_added']);
type MouEvent = CloudEvent<'mou.drafted' | 'mou.updated' | 'mou.status_changed' | 'mou.version_added'>;

/** mou.* → each MoU's current status. */
@Injectable()
export class MousProjection {
  constructor(private readonly repository: CountersRepository) {}

  handles(event: CloudEvent): boolean {
    return mouTypes.has(event.type);
  }

  statement(event: CloudEvent): Statement {
    const { data } = event as MouEvent;
    return this.repository.keepMou({ mouId: data.mouId, missionId: data.missionId, status: data.status, asOf: event.time });
  }
}
