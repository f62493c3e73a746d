import type { CloudEvent, RegistrationStatus } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MissionEntity } from '../missions/mission.entity.js';
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

  announce(manager: EntityManager, registration: RegistrationEntity, mission: MissionEntity, change: StatusChange, cause?: CloudEvent): Promise<CloudEvent> {
    return this.outbox.add(manager, eventTypeOfStatus[registration.status], toSnapshot(registration, mission, change), {
      subject: registration.id,
      missionId: registration.missionId,
      time: change.occurredAt,
      ...(cause ? { causedBy: cause } : {}),
    });
  }
}
