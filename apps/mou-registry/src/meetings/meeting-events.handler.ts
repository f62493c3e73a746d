import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { MouMeetingsRepository } from './mou-meetings.repository.js';

/** Keeps which meetings led to which MoU, as scheduling announces their outcomes, once per event (inbox). */
@ApiExcludeController()
@Controller()
export class MeetingEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly meetings: MouMeetingsRepository,
  ) {}

  @EventPattern('meeting.outcome_recorded')
  async onOutcome(@Payload() event: CloudEvent<'meeting.outcome_recorded'>): Promise<void> {
    const { data } = event;
    await this.inbox.handle(event, 'mou-registry.meetings', (unit) =>
      this.meetings.keep(
        unit,
        {
          meetingId: data.meetingId,
          mouId: data.mouId,
          missionId: data.missionId,
          requesterId: data.requesterId,
          inviteeId: data.inviteeId,
          // A one-to-one meeting names no attendees: its people are its two parties.
          attendees: data.attendees ?? [
            { registrationId: data.requesterId, side: 'requester' },
            { registrationId: data.inviteeId, side: 'invitee' },
          ],
          startsAt: data.slot ? new Date(data.slot.startsAt) : null,
          endsAt: data.slot ? new Date(data.slot.endsAt) : null,
          outcome: data.outcome,
        },
        event.time,
      ),
    );
  }
}
