import { UnitOfWork, type Statement } from '#common';
import type { CloudEvent, RegistrationStatus } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MissionOfEvents } from '../missions/mission.entity.js';
import type { RegistrationEntity } from './registration.entity.js';
import { eventTypeOfStatus, toSnapshot } from './registration.view.js';

export interface StatusChange {
  previousStatus: RegistrationStatus | null;
  waitlistPosition: number | null;
  occurredAt: Date;
}

/** Announces a registration's new status through the outbox, in the transaction that changed it. */
@Injectable()
export class RegistrationEvents {
  constructor(private readonly outbox: OutboxService) {}

  announce(manager: EntityManager, registration: RegistrationEntity, mission: MissionOfEvents, change: StatusChange, cause?: CloudEvent): Promise<CloudEvent> {
    return this.announceWith(manager, null, registration, mission, change, cause);
  }

  /** `announce`, in one statement with the write that made the change (see `OutboxService.addWith`). */
  announceWith(
    manager: EntityManager,
    write: Statement | null,
    registration: RegistrationEntity,
    mission: MissionOfEvents,
    change: StatusChange,
    cause?: CloudEvent,
  ): Promise<CloudEvent> {
    return this.outbox.addWith(UnitOfWork.of(manager), write, eventTypeOfStatus[registration.status], toSnapshot(registration, mission, change), {
      subject: registration.id,
      missionId: registration.missionId,
      time: change.occurredAt,
      ...(cause ? { causedBy: cause } : {}),
    });
  }

  /** `announceWith` for registrations changed together by one write, their events in the order given (see `OutboxService.addAllWith`). */
  announceAllWith(
    manager: EntityManager,
    write: Statement,
    changed: readonly { registration: RegistrationEntity; change: StatusChange }[],
    mission: MissionOfEvents,
  ): Promise<CloudEvent[]> {
    return this.outbox.addAllWith(
      UnitOfWork.of(manager),
      write,
      changed.map(({ registration, change }) => ({
        type: eventTypeOfStatus[registration.status],
        data: toSnapshot(registration, mission, change),
        context: { subject: registration.id, missionId: registration.missionId, time: change.occurredAt },
      })),
      // The group's last statement: it goes with the COMMIT (see `RegistrationsService.decide` for its failures).
      { deferred: 'the registrations of a group' },
    );
  }
}
