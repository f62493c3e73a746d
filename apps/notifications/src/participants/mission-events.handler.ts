import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ParticipantsRepository } from './participants.repository.js';

/** A mission renamed or moved: the directory's copy of it changes for everyone registered, so later mails say it as it is now. */
@Controller()
export class MissionEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly participants: ParticipantsRepository,
  ) {}

  @EventPattern('mission.updated')
  async onMissionUpdated(@Payload() event: CloudEvent<'mission.updated'>): Promise<void> {
    const { missionId, code, title, startsOn, endsOn, timezone } = event.data;
    await this.inbox.handle(event, 'notifications.missions', (unit) =>
      this.participants.describeMission(unit, missionId, { code, title, startsOn, endsOn, timezone }, event.time),
    );
  }
}
