import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ApiExcludeController } from '@nestjs/swagger';

/** Keeps registration's copy of the missions up to date, once per event (inbox). */
@ApiExcludeController()
@Controller()
export class MissionEventsHandler {
  constructor(private readonly inbox: InboxService) {}

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
    await this.inbox.handle(event, 'registration.missions', async ({ manager }) => {
      // Events may arrive out of order (retries); the copy only moves forward in time.
      await manager.query(
        `INSERT INTO missions (id, code, title, starts_on, ends_on, timezone, as_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET
           code = EXCLUDED.code, title = EXCLUDED.title, starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on,
           timezone = EXCLUDED.timezone, as_of = EXCLUDED.as_of, received_at = now()
         WHERE missions.as_of <= EXCLUDED.as_of`,
        [mission.missionId, mission.code, mission.title, mission.startsOn, mission.endsOn, mission.timezone, event.time],
      );
    });
  }
}
