import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { ParticipantsRepository } from './participants.repository.js';
import { ERASED } from './participants.service.js';

type SnapshotEvent = CloudEvent<'registration.confirmed' | 'registration.cancelled' | 'registration.updated'>;

/** Keeps the registry's participants as registration announces them, once per event (inbox). */
@ApiExcludeController()
@Controller()
export class ParticipantEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly repository: ParticipantsRepository,
  ) {}

  @EventPattern(['registration.confirmed', 'registration.cancelled', 'registration.updated'])
  async onSnapshot(@Payload() event: SnapshotEvent): Promise<void> {
    await this.keep(event);
  }

  /** The contact data goes everywhere in the registry; the fact that someone signed, and for whom, stays. */
  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    const { registrationId, missionId, erasedAt } = event.data;
    await this.inbox.handle(event, 'mou-registry.participant-erased', (unit) =>
      this.repository.erase(unit, { registrationId, missionId, erasedAt, ownerName: ERASED }),
    );
  }

  private async keep(event: SnapshotEvent): Promise<void> {
    const { registrationId, missionId, participant } = event.data;
    // registration.updated carries the registration's status as it is; the others are the status itself.
    const status = event.data.status;
    await this.inbox.handle(event, 'mou-registry.participants', (unit) =>
      this.repository.keep(unit, {
        registrationId,
        missionId,
        status,
        givenName: participant.givenName,
        familyName: participant.familyName,
        email: participant.email,
        preferredLanguage: participant.preferredLanguage,
        asOf: event.time,
      }),
    );
  }
}
