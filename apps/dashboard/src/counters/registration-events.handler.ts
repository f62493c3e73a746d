import { registrationSnapshotTypes, type CloudEvent, type RegistrationSnapshotType } from '#contracts';
import { Injectable } from '@nestjs/common';
import type { CounterStatement } from './counter-statement.js';

const registrationTypes = new Set<string>(registrationSnapshotTypes);
type RegistrationEvent = CloudEvent<RegistrationSnapshotType>;

/** registration.* and participant.checked_in → each registration's current status, delegation and country. */
@Injectable()
export class RegistrationEventsHandler {
  handles(event: CloudEvent): boolean {
    return registrationTypes.has(event.type) || event.type === 'participant.checked_in';
  }

  statement(event: CloudEvent): CounterStatement {
    if (event.type === 'participant.checked_in') return this.checkedIn(event as CloudEvent<'participant.checked_in'>);
    const { data } = event as RegistrationEvent;
    // An event older than what the row already reflects (it arrived late, e.g. from a retry queue) changes nothing.
    return {
      sql: `INSERT INTO registrations (registration_id, mission_id, status, delegation, country, as_of) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (registration_id) DO UPDATE
          SET status = excluded.status, delegation = excluded.delegation, country = excluded.country, as_of = excluded.as_of
        WHERE registrations.as_of <= excluded.as_of`,
      parameters: [data.registrationId, data.missionId, data.status, data.participant.delegation, data.participant.organisation.country, event.time],
    };
  }

  /** A check-in may overtake the confirmation it follows: the row it makes is left out of the counts until that confirmation fills it in. */
  private checkedIn(event: CloudEvent<'participant.checked_in'>): CounterStatement {
    return {
      sql: `INSERT INTO registrations (registration_id, mission_id, status, checked_in_at, as_of) VALUES ($1, $2, 'confirmed', $3, '-infinity')
       ON CONFLICT (registration_id) DO UPDATE SET checked_in_at = excluded.checked_in_at`,
      parameters: [event.data.registrationId, event.data.missionId, event.data.checkedInAt],
    };
  }
}
