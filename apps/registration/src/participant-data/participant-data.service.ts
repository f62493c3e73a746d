import { assertOrganiserOrSelf, Problem, Transactions, type Caller, type UnitOfWork } from '#common';
import type { CloudEvent } from '#contracts';
import { OutboxService } from '#messaging';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Mission } from '../missions/mission.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import { RegistrationRules } from '../registrations/registration.rules.js';
import { RegistrationsRepository } from '../registrations/registrations.repository.js';
import type { Registration, RegistrationChange } from '../seats/registration.js';
import { RegistrationEvents, toSnapshot } from '../seats/registration.events.js';
import { SeatsService } from '../seats/seats.service.js';
import { SeatRules } from '../seats/seats.rules.js';
import { DelegationRules } from '../delegations/delegation.rules.js';
import { unknownDelegationOf } from '../delegations/delegation.problems.js';
import { DelegationsService } from '../delegations/delegations.service.js';
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
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationsRepository,
    private readonly missions: MissionsRepository,
    private readonly seats: SeatsService,
    private readonly events: RegistrationEvents,
    private readonly outbox: OutboxService,
    private readonly delegations: DelegationsService,
  ) {}

  async update(caller: Caller, id: string, input: ParticipantDetails): Promise<ParticipantDataView> {
    const { missionId } = await this.authorised(caller, id);
    return this.transactions.run(async (unit) => {
      // Only an organiser can move a registration to another delegation, and a seat may move with it.
      const settings = caller.kind === 'organiser' && input.delegation !== undefined ? await this.seats.lock(unit, missionId) : null;
      const registration = await this.lockRegistration(unit, id);
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
        // One of the mission's delegations, by any of its names and any case (free text where it has none).
        const chosen =
          changes.delegation === null ? ({ kind: 'none' } as const) : DelegationRules.resolve(settings.delegations, { delegation: changes.delegation });
        if (chosen.kind === 'unknown') throw unknownDelegationOf(settings.delegations);
        const to = chosen.kind === 'found' ? chosen.delegation : null;
        Object.assign(changes, { delegation: to?.name ?? (chosen.kind === 'free-text' ? chosen.name : null), delegationId: to?.id ?? null });
        if (changes.delegationId === registration.delegationId && changes.delegation === registration.delegation) {
          delete changes.delegation;
          delete changes.delegationId;
        }
        const move =
          registration.status === 'confirmed' && changes.delegationId !== undefined
            ? SeatRules.canMoveSeat(registration.delegationId, changes.delegationId, await this.seats.of(unit, settings, [changes.delegationId]))
            : ({ allowed: true } as const);
        if (!move.allowed) {
          const full = settings.delegations.find((delegation) => delegation.id === move.delegation)?.name ?? move.delegation;
          throw Problem.conflict(
            'delegation-full',
            'The delegation is full',
            `Delegation ${full} has used its quota of ${move.quota} confirmed seats, so this confirmed registration cannot move to it.`,
            { delegation: full, quota: move.quota, confirmed: move.confirmed },
          );
        }
      }
      if (Object.keys(changes).length === 0) return this.view(unit, registration);

      const occurredAt = new Date();
      await this.change(unit, registration, { ...changes, updatedAt: occurredAt });
      const mission = await this.mission(unit, missionId);
      const position = (await this.seats.waitlistPositions(unit, [registration])).get(id) ?? null;
      const updated = await this.outbox.add(
        unit,
        'registration.updated',
        toSnapshot(registration, mission, { previousStatus: registration.status, waitlistPosition: position, occurredAt }),
        { subject: id, missionId, time: occurredAt },
      );
      // A delegation's quota may have room now that a seat left it (or this waitlisted registration may fit its new one).
      if (changes.delegation !== undefined && (registration.status === 'confirmed' || registration.status === 'waitlisted')) {
        const promoted = await this.seats.fillFromWaitlist(unit, missionId, mission, updated);
        const self = promoted.find((candidate) => candidate.id === id);
        if (self) Object.assign(registration, { status: self.status, updatedAt: self.updatedAt });
      }
      return this.view(unit, registration);
    });
  }

  /**
   * GDPR erasure, in one transaction: an active registration is cancelled first, as the cancel call
   * does (its seat goes to the waitlist), so that no one is ever approved or promoted who can no longer
   * be told; then the personal data is overwritten and the token stops working.
   */
  async erase(caller: Caller, id: string): Promise<ParticipantDataView> {
    const { missionId } = await this.authorised(caller, id);
    return this.transactions.run(async (unit) => {
      await this.seats.lock(unit, missionId);
      const registration = await this.lockRegistration(unit, id);
      if (registration.erasedAt) throw notEditable(registration, 'already-erased');
      const mission = await this.mission(unit, missionId);
      const erasedAt = new Date();
      const cancelled = await this.cancelFirst(unit, registration, mission, erasedAt);

      await this.change(unit, registration, ParticipantDataRules.erasure(id, erasedAt));
      // The person leaves their delegation and heads none (DESIGN.md, "Delegations").
      await this.delegations.forget(unit, id, erasedAt);
      Object.assign(registration, { delegation: null, delegationId: null, delegationRole: null });
      await this.outbox.add(
        unit,
        'participant.erased',
        { registrationId: id, missionId, erasedAt: erasedAt.toISOString() },
        { subject: id, missionId, time: erasedAt, ...(cancelled ? { causedBy: { correlationId: cancelled.correlationid } } : {}) },
      );
      return toParticipantDataView(registration, null);
    });
  }

  /** The steps of `POST /registrations/:id/cancel`, under the locks the caller already holds. */
  private async cancelFirst(unit: UnitOfWork, registration: Registration, mission: Mission, at: Date): Promise<CloudEvent | null> {
    if (!RegistrationRules.check('cancel', registration).allowed) return null;
    const previousStatus = registration.status;
    await this.change(unit, registration, { status: 'cancelled', cancelledAt: at, updatedAt: at });
    const cancelled = await this.events.announce(unit, registration, mission, { previousStatus, waitlistPosition: null, occurredAt: at });
    if (previousStatus === 'confirmed') await this.seats.fillFromWaitlist(unit, registration.missionId, mission, cancelled);
    return cancelled;
  }

  /** A participant's token for another registration is refused before anything is read. */
  private async authorised(caller: Caller, id: string): Promise<Registration> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    if (caller.kind === 'participant' && caller.registrationId !== id) throw Problem.forbidden();
    const registration = await this.registrations.find(this.transactions.outside, id);
    if (!registration) throw Problem.notFound('Registration', id);
    assertOrganiserOrSelf(caller, registration.missionId, id);
    return registration;
  }

  private async lockRegistration(unit: UnitOfWork, id: string): Promise<Registration> {
    const registration = await this.registrations.lock(unit, id);
    if (!registration) throw Problem.notFound('Registration', id);
    return registration;
  }

  private async change(unit: UnitOfWork, registration: Registration, change: RegistrationChange): Promise<void> {
    await this.registrations.update(unit, registration.id, change);
    Object.assign(registration, change);
  }

  private async mission(unit: UnitOfWork, missionId: string): Promise<Mission> {
    const mission = await this.missions.find(unit, missionId);
    if (!mission) throw Problem.notFound('Mission', missionId);
    return mission;
  }

  private async view(unit: UnitOfWork, registration: Registration): Promise<ParticipantDataView> {
    const positions = await this.seats.waitlistPositions(unit, [registration]);
    return toParticipantDataView(registration, positions.get(registration.id) ?? null);
  }
}

function notEditable(registration: Registration, reason: 'already-erased' | 'cancelled'): Problem {
  return reason === 'already-erased'
    ? Problem.conflict('already-erased', 'Already erased', `The participant's personal data was erased at ${registration.erasedAt!.toISOString()}.`, {
        erasedAt: registration.erasedAt!.toISOString(),
      })
    : Problem.conflict('invalid-transition', 'A cancelled registration cannot be changed', 'A cancelled registration can only be erased.', {
        currentStatus: registration.status,
      });
}
