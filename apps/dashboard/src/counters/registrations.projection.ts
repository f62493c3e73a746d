import type { Statement } from '#common';
import { registrationSnapshotTypes, type CloudEvent, type RegistrationSnapshotType } from '#contracts';
import { Injectable } from '@nestjs/common';
import { CountersRepository } from './counters.repository.js';

const registrationTypes = new Set<string>(registrationSnapshotTypes);
type RegistrationEvent = CloudEvent<RegistrationSnapshotType>;

/** registration.* and participant.checked_in → each registration's current status, delegation and country. */
@Injectable()
export class RegistrationsProjection {
  constructor(private readonly repository: CountersRepository) {}

  handles(event: CloudEvent): boolean {
    return registrationTypes.has(event.type) || event.type === 'participant.checked_in';
  }

  statement(event: CloudEvent): Statement {
    if (event.type === 'participant.checked_in') {
      const { data } = event as CloudEvent<'participant.checked_in'>;
      return this.repository.keepCheckIn({ registrationId: data.registrationId, missionId: data.missionId, checkedInAt: data.checkedInAt });
    }
    const { data } = event as RegistrationEvent;
    // An event older than what the row already reflects (it arrived late, e.g. from a retry queue) changes nothing.
    return this.repository.keepRegistration({
      registrationId: data.registrationId,
      missionId: data.missionId,
      status: data.status,
      delegation: data.participant.delegation,
      delegationId: data.participant.delegationId ?? null,
      country: data.participant.organisation.country,
      asOf: event.time,
    });
  }
}
