import { registrationSnapshotTypes, type CloudEvent, type RegistrationSnapshotType } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { SessionSeatsService } from '../enrolments/session-seats.service.js';
import { MeetingsService } from '../meetings/requests/meetings.service.js';
import { ParticipantsRepository } from '../participants/participants.repository.js';

/**
 * Keeps scheduling's participants from registration's events, once per event (inbox). A registration
 * that is cancelled or erased leaves its sessions, and each seat it held goes to that session's waitlist;
 * its open meeting requests are cancelled (its placed meetings are freed by the next scheduling run).
 */
@ApiExcludeController()
@Controller()
export class RegistrationEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly participants: ParticipantsRepository,
    private readonly seats: SessionSeatsService,
    private readonly meetings: MeetingsService,
  ) {}

  @EventPattern([...registrationSnapshotTypes])
  async onRegistration(@Payload() event: CloudEvent<RegistrationSnapshotType>): Promise<void> {
    await this.inbox.handle(event, 'scheduling.participants', async (unit) => {
      // Nothing reads the result: the write goes with the unit's next statement or its commit.
      this.participants.deferKeep(unit, event.data, event.time);
      if (event.data.status === 'cancelled') {
        await this.seats.leaveAll(unit, event.data.registrationId, event);
        await this.meetings.leave(unit, event.data.registrationId, event);
      }
    });
  }

  /** The participant's access token was replaced (revoked, or a random one given way to a derived one): the old one stops working here too. */
  @EventPattern(['participant.access_revoked', 'participant.access_token_renewed'])
  async onAccessTokenReplaced(@Payload() event: CloudEvent<'participant.access_revoked' | 'participant.access_token_renewed'>): Promise<void> {
    await this.inbox.handle(event, 'scheduling.participants', (unit) => this.participants.replaceAccessToken(unit, event.data, event.time));
  }

  @EventPattern('participant.erased')
  async onErased(@Payload() event: CloudEvent<'participant.erased'>): Promise<void> {
    const { registrationId } = event.data;
    await this.inbox.handle(event, 'scheduling.participants', async (unit) => {
      await this.participants.erase(unit, event.data);
      await this.seats.leaveAll(unit, registrationId, event);
      await this.meetings.leave(unit, registrationId, event);
    });
  }
}
