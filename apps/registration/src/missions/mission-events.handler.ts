import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';
import { MissionsRepository } from './missions.repository.js';

/** Keeps registration's copy of the missions up to date, once per event (inbox). */
@ApiExcludeController()
@Controller()
export class MissionEventsHandler {
  constructor(
    private readonly inbox: InboxService,
    private readonly missions: MissionsRepository,
  ) {}

  @EventPattern('mission.created')
  async onMissionCreated(@Payload() event: CloudEvent<'mission.created'>): Promise<void> {
    await this.keep(event);
  }

  @EventPattern('mission.updated')
  async onMissionUpdated(@Payload() event: CloudEvent<'mission.updated'>): Promise<void> {
    await this.keep(event);
  }

  private async keep(event: CloudEvent<'mission.created' | 'mission.updated'>): Promise<void> {
    const mission = event.data;
    await this.inbox.handle(event, 'registration.missions', (unit) =>
      this.missions.keep(
        unit,
        { id: mission.missionId, code: mission.code, title: mission.title, startsOn: mission.startsOn, endsOn: mission.endsOn, timezone: mission.timezone },
        event.time,
      ),
    );
  }
}
