import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { ERASED } from './participants.js';

type SnapshotEvent = CloudEvent<'registration.confirmed' | 'registration.cancelled' | 'registration.updated'>;

/** Keeps the registry's participants as registration announces them, once per event (inbox). */
@ApiExcludeController()
@Controller()
export class ParticipantEventsHandler {
  constructor(private readonly inbox: InboxService) {}

  @EventPattern(['registration.confirmed', 'registration.cancelled', 'registration.updated'])
  async onSnapshot(@Payload() event: SnapshotEvent): Promise<void> {
    await this.keep(event);
  }

  /** The contact data goes everywhere in the registry; the fact that someone signed, and for whom, stays. */
  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    const { registrationId, missionId, erasedAt } = event.data;
    await this.inbox.handle(event, 'mou-registry.participant-erased', async ({ manager }) => {
      await manager.query(
        `INSERT INTO participants (registration_id, mission_id, status, as_of, erased_at) VALUES ($1, $2, 'erased', $3, $3)
         ON CONFLICT (registration_id) DO UPDATE SET status = 'erased', given_name = NULL, family_name = NULL, email = NULL,
           preferred_language = NULL, erased_at = EXCLUDED.erased_at`,
        [registrationId, missionId, erasedAt],
      );
      await manager.query(`UPDATE mou_signatories SET name = NULL, erased_at = $2 WHERE registration_id = $1`, [registrationId, erasedAt]);
      await manager.query(`UPDATE milestones SET owner_name = $2, owner_email = NULL, owner_language = NULL WHERE owner_registration_id = $1`, [
        registrationId,
        ERASED,
      ]);
    });
  }

  private async keep(event: SnapshotEvent): Promise<void> {
    const { registrationId, missionId, participant } = event.data;
    // registration.updated carries the registration's status as it is; the others are the status itself.
    const status = event.data.status;
    await this.inbox.handle(event, 'mou-registry.participants', async ({ manager }) => {
      // Out-of-order copies never go back in time, and an erased participant never comes back.
      await manager.query(
        `INSERT INTO participants (registration_id, mission_id, status, given_name, family_name, email, preferred_language, as_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (registration_id) DO UPDATE SET status = EXCLUDED.status, given_name = EXCLUDED.given_name, family_name = EXCLUDED.family_name,
           email = EXCLUDED.email, preferred_language = EXCLUDED.preferred_language, as_of = EXCLUDED.as_of
         WHERE participants.as_of <= EXCLUDED.as_of AND participants.erased_at IS NULL`,
        [registrationId, missionId, status, participant.givenName, participant.familyName, participant.email, participant.preferredLanguage, event.time],
      );
    });
  }
}
