import { assertOrganiserOrSelf, Problem, type Caller, UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { OutboxService } from '#messaging';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MissionEntity } from '../missions/mission.entity.js';
import { MissionSeats } from '../registrations/mission-seats.js';
import { RegistrationEntity, registrationsWithTokenHash } from '../registrations/registration.entity.js';
import { RegistrationEvents } from '../registrations/registration.events.js';
import { RegistrationRules } from '../registrations/registration.rules.js';
import { toSnapshot } from '../registrations/registration.view.js';
import { ParticipantDataRules } from './participant-data.rules.js';
import type { ParticipantDetails } from './participant-data.schema.js';
import { toParticipantDataView, type ParticipantDataView } from './participant-data.view.js';

/**
 * A participant's own details: changed by them or an organiser (`registration.updated`), and erased
 * on request (`participant.erased`). Every change locks the registration's row; one that moves a seat
 * takes the mission's lock first, in the order the registrations' use cases take them.
 */
@Injectable()
export class ParticipantDataService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: MissionSeats,
    private readonly events: RegistrationEvents,
    private readonly outbox: OutboxService,
  ) {}

  async update(caller: Caller, id: string, input: ParticipantDetails): Promise<ParticipantDataView> {
    const { missionId } = await this.authorised(caller, id);
    return this.dataSource.transaction(async (manager) => {
      // Only an organiser can move a registration to another delegation, and a seat may move with it.
      const settings = caller.kind === 'organiser' && input.delegation !== undefined ? await this.seats.lock(manager, missionId) : null;
      const registration = await this.lockRegistration(manager, id);
      const editable = ParticipantDataRules.editable(registration);
      if (!editable.allowed) throw notEditable(registration, editable.reason);

      const changes = ParticipantDataRules.changes(registration, input);
      const refused = ParticipantDataRules.refusedFields(caller.kind, changes);
      if (refused.length > 0) {
        throw new Problem(HttpStatus.FORBIDDEN, 'forbidden', 'Forbidden', `Only an organiser of the mission can change: ${refused.join(', ')}.`, {
          errors: refused.map((field) => ({ field, message: 'can only be changed by an organiser of the mission' })),
        });
      }
      if (changes.delegation !== undefined && settings) {
        const seats = await this.seats.of(manager, settings, [changes.delegation]);
        const move = ParticipantDataRules.delegationMove(registration, changes.delegation, seats);
        if (!move.allowed) {
          throw Problem.conflict(
            'delegation-full',
            'The delegation is full',
            `Delegation ${changes.delegation} has used its quota of ${move.quota} confirmed seats, so this confirmed registration cannot move to it.`,
            { delegation: changes.delegation, quota: move.quota, confirmed: move.confirmed },
          );
        }
      }
      if (Object.keys(changes).length === 0) return this.view(manager, registration);

      const occurredAt = new Date();
      await this.change(manager, registration, { ...changes, updatedAt: occurredAt });
      const mission = await this.mission(manager, missionId);
      const position = (await this.seats.waitlistPositions(manager, [registration])).get(id) ?? null;
      const updated = await this.outbox.add(
        UnitOfWork.of(manager),
        'registration.updated',
        toSnapshot(registration, mission, { previousStatus: registration.status, waitlistPosition: position, occurredAt }),
        { subject: id, missionId, time: occurredAt },
      );
      // A delegation's quota may have room now that a seat left it (or this waitlisted registration may fit its new one).
      if (changes.delegation !== undefined && (registration.status === 'confirmed' || registration.status === 'waitlisted')) {
        const promoted = await this.seats.fillFromWaitlist(manager, missionId, mission, updated);
        const self = promoted.find((candidate) => candidate.id === id);
        if (self) Object.assign(registration, { status: self.status, updatedAt: self.updatedAt });
      }
      return this.view(manager, registration);
    });
  }

  /**
   * GDPR erasure, in one transaction: an active registration is cancelled first, as the cancel call
   * does (its seat goes to the waitlist), so that no one is ever approved or promoted who can no longer
   * be told; then the personal data is overwritten and the token stops working.
   */
  async erase(caller: Caller, id: string): Promise<ParticipantDataView> {
    const { missionId } = await this.authorised(caller, id);
    return this.dataSource.transaction(async (manager) => {
      await this.seats.lock(manager, missionId);
      const registration = await this.lockRegistration(manager, id);
      if (registration.erasedAt) throw notEditable(registration, 'already-erased');
      const mission = await this.mission(manager, missionId);
      const erasedAt = new Date();
      const cancelled = await this.cancelFirst(manager, registration, mission, erasedAt);

      await this.change(manager, registration, ParticipantDataRules.erasure(id, erasedAt));
      await this.outbox.add(
        UnitOfWork.of(manager),
        'participant.erased',
        { registrationId: id, missionId, erasedAt: erasedAt.toISOString() },
        { subject: id, missionId, time: erasedAt, ...(cancelled ? { causedBy: { correlationId: cancelled.correlationid } } : {}) },
      );
      return toParticipantDataView(registration, null);
    });
  }

  /** The steps of `POST /registrations/:id/cancel`, under the locks the caller already holds. */
  private async cancelFirst(manager: EntityManager, registration: RegistrationEntity, mission: MissionEntity, at: Date): Promise<CloudEvent | null> {
    if (!RegistrationRules.check('cancel', registration).allowed) return null;
    const previousStatus = registration.status;
    await this.change(manager, registration, { status: 'cancelled', cancelledAt: at, updatedAt: at });
    const cancelled = await this.events.announce(manager, registration, mission, { previousStatus, waitlistPosition: null, occurredAt: at });
    if (previousStatus === 'confirmed') await this.seats.fillFromWaitlist(manager, registration.missionId, mission, cancelled);
    return cancelled;
  }

  /** A participant's token for another registration is refused before anything is read. */
  private async authorised(caller: Caller, id: string): Promise<RegistrationEntity> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    if (caller.kind === 'participant' && caller.registrationId !== id) throw Problem.forbidden();
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id });
    if (!registration) throw Problem.notFound('Registration', id);
    assertOrganiserOrSelf(caller, registration.missionId, id);
    return registration;
  }

  private async lockRegistration(manager: EntityManager, id: string): Promise<RegistrationEntity> {
    const registration = await registrationsWithTokenHash(manager).where('registration.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!registration) throw Problem.notFound('Registration', id);
    return registration;
  }

  private async change(manager: EntityManager, registration: RegistrationEntity, change: Partial<RegistrationEntity>): Promise<void> {
    await manager.update(RegistrationEntity, { id: registration.id }, change);
    Object.assign(registration, change);
  }

  private async mission(manager: EntityManager, missionId: string): Promise<MissionEntity> {
    const mission = await manager.findOneBy(MissionEntity, { id: missionId });
    if (!mission) throw Problem.notFound('Mission', missionId);
    return mission;
  }

  private async view(manager: EntityManager, registration: RegistrationEntity): Promise<ParticipantDataView> {
    const positions = await this.seats.waitlistPositions(manager, [registration]);
    return toParticipantDataView(registration, positions.get(registration.id) ?? null);
  }
}

function notEditable(registration: RegistrationEntity, reason: 'already-erased' | 'cancelled'): Problem {
  return reason === 'already-erased'
    ? Problem.conflict('already-erased', 'Already erased', `The participant's personal data was erased at ${registration.erasedAt!.toISOString()}.`, {
        erasedAt: registration.erasedAt!.toISOString(),
      })
    : Problem.conflict('invalid-transition', 'A cancelled registration cannot be changed', 'A cancelled registration can only be erased.', {
        currentStatus: registration.status,
      });
}
