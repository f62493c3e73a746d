import type { UnitOfWork, Statement } from '#common';
import type { CloudEvent, EventTypeOf, RegistrationSnapshot, RegistrationStatus } from '#contracts';
import { OutboxService } from '#messaging';
import { Injectable } from '@nestjs/common';
import type { MissionOfEvents } from '../missions/mission.js';
import type { NewRegistration } from './registration.js';

export interface StatusChange {
  previousStatus: RegistrationStatus | null;
  waitlistPosition: number | null;
  occurredAt: Date;
}

/** Announces a registration's new status through the outbox, in the transaction that changed it. */
@Injectable()
export class RegistrationEvents {
  constructor(private readonly outbox: OutboxService) {}

  announce(unit: UnitOfWork, registration: NewRegistration, mission: MissionOfEvents, change: StatusChange, cause?: CloudEvent): Promise<CloudEvent> {
    return this.announceWith(unit, null, registration, mission, change, cause);
  }

  /** `announce`, in one statement with the write that made the change (see `OutboxService.addWith`). */
  announceWith(
    unit: UnitOfWork,
    write: Statement | null,
    registration: NewRegistration,
    mission: MissionOfEvents,
    change: StatusChange,
    cause?: CloudEvent,
  ): Promise<CloudEvent> {
    return this.outbox.addWith(unit, write, eventTypeOfStatus[registration.status], toSnapshot(registration, mission, change), {
      subject: registration.id,
      missionId: registration.missionId,
      time: change.occurredAt,
      ...(cause ? { causedBy: cause } : {}),
    });
  }

  /** `announceWith` for registrations changed together by one write, their events in the order given (see `OutboxService.addAllWith`). */
  announceAllWith(
    unit: UnitOfWork,
    write: Statement,
    changed: readonly { registration: NewRegistration; change: StatusChange }[],
    mission: MissionOfEvents,
  ): Promise<CloudEvent[]> {
    return this.outbox.addAllWith(
      unit,
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

export const eventTypeOfStatus = {
  pending_approval: 'registration.submitted',
  confirmed: 'registration.confirmed',
  waitlisted: 'registration.waitlisted',
  rejected: 'registration.rejected',
  cancelled: 'registration.cancelled',
} as const satisfies Record<RegistrationStatus, EventTypeOf<'registration'>>;

/** What the `registration.*` events carry: the participant, and the mission as registration knows it. */
export function toSnapshot(
  registration: NewRegistration,
  mission: MissionOfEvents,
  change: { previousStatus: RegistrationStatus | null; waitlistPosition: number | null; occurredAt: Date },
): RegistrationSnapshot {
  return {
    registrationId: registration.id,
    missionId: registration.missionId,
    status: registration.status,
    previousStatus: change.previousStatus,
    waitlistPosition: registration.status === 'waitlisted' ? change.waitlistPosition : null,
    participant: {
      email: registration.email,
      givenName: registration.givenName,
      familyName: registration.familyName,
      jobTitle: registration.jobTitle,
      preferredLanguage: registration.preferredLanguage,
      timezone: registration.timezone,
      organisation: {
        name: registration.organisationName,
        type: registration.organisationType,
        country: registration.organisationCountry,
        ...(registration.organisationCity ? { city: registration.organisationCity } : {}),
      },
      delegation: registration.delegation,
      delegationId: registration.delegationId,
    },
    category: registration.categoryId ? { categoryId: registration.categoryId, code: registration.categoryCode! } : null,
    mission: { code: mission.code, title: mission.title, startsOn: mission.startsOn, endsOn: mission.endsOn, timezone: mission.timezone },
    reason: registration.status === 'rejected' ? registration.rejectionReason : null,
    occurredAt: change.occurredAt.toISOString(),
    accessTokenHash: tokenHashOf(registration),
    linkGeneration: registration.linkGeneration,
    tokenGeneration: registration.tokenGeneration,
  };
}

/**
 * The hash travels in the events so that scheduling can accept the participant's own token. It is
 * the SHA-256 of 256 random bits: a verifier, not a credential (nothing can be done with the hash,
 * and the token cannot be found from it), so it may leave this service the way a password hash may
 * not. A registration built without it is a bug, not a registration without a token.
 */
function tokenHashOf(registration: NewRegistration): string | null {
  if (registration.tokenHash === undefined) throw new Error(`registration ${registration.id} was loaded without its token hash`);
  return registration.tokenHash;
}
