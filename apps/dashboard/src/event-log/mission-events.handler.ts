import { eventLogContext, SERVICE_CONFIG, type ServiceConfig, type UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { InboxService } from '#messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CountersProjection } from '../counters/counters.projection.js';
import { EventLogRepository } from './event-log.repository.js';
import { streamChannel } from './stream-notice.js';

/**
 * Every event of the system reaches the dashboard here, once: the transport routes a routing key to
 * one handler, so this one handler feeds both the event log and the counters, in one transaction
 * with the inbox row. A redelivered event is stored and counted once.
 */
@Controller()
export class MissionEventsHandler {
  private readonly channel: string;
  private readonly schema: string;

  constructor(
    private readonly inbox: InboxService,
    private readonly repository: EventLogRepository,
    private readonly counters: CountersProjection,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.channel = streamChannel(config.schema);
    this.schema = config.schema;
  }

  @EventPattern('#')
  onEvent(@Payload() event: CloudEvent): Promise<unknown> {
    return eventLogContext.run({ eventId: event.id, eventType: event.type, correlationId: event.correlationid }, () =>
      this.inbox.handle(event, 'dashboard.event-log', async (unit) => {
        if (event.type === 'participant.erased') {
          const { data } = event as CloudEvent<'participant.erased'>;
          await this.repository.eraseParticipant(unit, data.missionId, data.registrationId);
        }
        const stored = await this.withoutErasedOwner(unit, event);
        // Last, so that the mission's lock is held only for this statement and the commit.
        this.repository.deferAppend(unit, stored, this.counters.statement(event), this.channel, `${this.schema}:mission-events:${event.missionid ?? ''}`);
      }),
    );
  }

  /**
   * A milestone event the registry published before it learnt that its owner was erased may come
   * after the erasure: it is stored as the erasure would have left it. Only milestone events name an
   * owner, so no other event pays for the look-up.
   */
  private async withoutErasedOwner(unit: UnitOfWork, event: CloudEvent): Promise<CloudEvent> {
    const owner = (event.data as { owner?: { registrationId?: string | null } } | undefined)?.owner;
    if (!owner?.registrationId || !(await this.repository.isErased(unit, owner.registrationId))) return event;
    // Not of the contract's shape any more, as the erasure leaves stored events: the log keeps JSON.
    return { ...event, data: { ...(event.data as object), owner: { erased: true } } } as unknown as CloudEvent;
  }
}
