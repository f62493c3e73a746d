import type { Statement } from '#common';
import type { CloudEvent } from '#contracts';
import { Injectable } from '@nestjs/common';
import { CountersRepository } from './counters.repository.js';

/** delegation.saved and .removed → the mission's delegations, their names and parents, for grouping registrations. */
@Injectable()
export class DelegationsProjection {
  constructor(private readonly repository: CountersRepository) {}

  handles(event: CloudEvent): boolean {
    return event.type === 'delegation.saved' || event.type === 'delegation.removed';
  }

  statement(event: CloudEvent): Statement {
    if (event.type === 'delegation.removed') {
      const { data } = event as CloudEvent<'delegation.removed'>;
      return this.repository.keepDelegationRemoved({ delegationId: data.delegationId, missionId: data.missionId, asOf: event.time });
    }
    const { data } = event as CloudEvent<'delegation.saved'>;
    return this.repository.keepDelegation({
      delegationId: data.delegationId,
      missionId: data.missionId,
      name: data.name,
      parentId: data.parentId,
      precedence: data.precedence,
      asOf: event.time,
    });
  }
}
