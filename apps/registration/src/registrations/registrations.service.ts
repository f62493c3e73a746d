import { assertOrganiserOf, assertOrganiserOrSelf, encodeCursor, issueParticipantToken, Problem, seqOfCursor, type Caller, type Page } from '#common';
import { OutboxService } from '#messaging';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { MoreThan, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { MissionEntity } from '../missions/mission.entity.js';
import type { RegistrationSettingsEntity } from '../settings/registration-settings.entity.js';
import { MissionSeats } from './mission-seats.js';
import { RegistrationEntity, registrationsWithTokenHash } from './registration.entity.js';
import { RegistrationEvents } from './registration.events.js';
import { RegistrationRules, type RegistrationAction } from './registration.rules.js';
import type { Register, RegistrationListQuery } from './registration.schema.js';
import {
  toCsvRecord,
  toRegistrationCreated,
  toRegistrationView,
  type CsvRecord,
  type RegistrationCreatedView,
  type RegistrationView,
} from './registration.view.js';

const EXPORT_BATCH = 500;

export type RegistrationFilters = Pick<RegistrationListQuery, 'status' | 'delegation' | 'country'>;

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: MissionSeats,
    private readonly events: RegistrationEvents,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The public form. Registrations to one mission take turns on its settings row, so no seat is
   * given twice; while that lock is held, only the statement that stores the registration with its
   * event and the commit remain, since every round trip under it is one the next registration waits for.
   */
  async register(missionId: string, input: Register): Promise<RegistrationCreatedView> {
    const token = issueParticipantToken();
    const now = new Date();

    return this.dataSource.transaction(async (manager) => {
      const locked = await this.seats.lockForRegistration(manager, missionId);
      if (!locked) {
        await this.mission(manager, missionId);
        throw notSetUp(missionId);
      }
      const { settings, mission } = locked;
      const window = RegistrationRules.window(settings, now);
      if (window !== 'open') {
        throw Problem.unprocessable(
          'registration-closed',
          'Registration is closed',
          window === 'not-yet-open'
            ? `Registration opens at ${settings.opensAt!.toISOString()}.`
            : `Registration closed at ${settings.closesAt!.toISOString()}.`,
          { opensAt: settings.opensAt?.toISOString() ?? null, closesAt: settings.closesAt?.toISOString() ?? null },
        );
      }
      const delegation = input.delegation ?? null;
      const placement = RegistrationRules.place(settings.approval, delegation, await this.seats.of(manager, settings, [delegation]));

      const registration = manager.create(RegistrationEntity, {
        id: randomUUID(),
        missionId,
        status: placement.status,
        email: input.email,
        givenName: input.givenName,
        familyName: input.familyName,
        jobTitle: input.jobTitle ?? null,
        organisationName: input.organisation.name,
        organisationType: input.organisation.type,
        organisationCountry: input.organisation.country,
        organisationCity: input.organisation.city ?? null,
        delegation,
        preferredLanguage: input.preferredLanguage,
        timezone: input.timezone ?? mission.timezone,
        dietary: input.dietary ?? null,
        accessibility: input.accessibility ?? null,
        consentedAt: now,
        tokenHash: token.hash,
        waitlistOrder: null,
        rejectionReason: null,
        checkedInAt: null,
        cancelledAt: null,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await this.events.announceWith(manager, insertOf(registration), registration, mission, {
          previousStatus: null,
          waitlistPosition: placement.waitlistPosition,
          occurredAt: now,
        });
      } catch (error) {
        if (isUniqueViolation(error, 'registrations_active_email')) {
          throw Problem.conflict('already-registered', 'Already registered', `${input.email} is already registered to this mission.`);
        }
        throw error;
      }
      return toRegistrationCreated(registration, token.token);
    });
  }

  async get(caller: Caller, id: string): Promise<RegistrationView> {
    const registration = await this.authorised(caller, id, 'organiser-or-self');
    return this.view(this.dataSource.manager, registration);
  }

  /** Frees the registration's seat, if it held one, for the first of the waitlist, in the same transaction. */
  async cancel(caller: Caller, id: string): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser-or-self');
    return this.dataSource.transaction(async (manager) => {
      await this.lockSettings(manager, missionId);
      const registration = await this.lockRegistration(manager, id, 'cancel');
      const previousStatus = registration.status;
      const occurredAt = new Date();
      await this.change(manager, registration, { status: 'cancelled', cancelledAt: occurredAt, updatedAt: occurredAt });
      const mission = await this.mission(manager, missionId);
      const cancelled = await this.events.announce(manager, registration, mission, { previousStatus, waitlistPosition: null, occurredAt });
      if (previousStatus === 'confirmed') await this.seats.fillFromWaitlist(manager, missionId, mission, cancelled);
      return this.view(manager, registration);
    });
  }

  /** A seat if there is one (quota included), else the waitlist. */
  async approve(caller: Caller, id: string): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser');
    return this.dataSource.transaction(async (manager) => {
      const settings = await this.lockSettings(manager, missionId);
      const registration = await this.lockRegistration(manager, id, 'approve');
      const placement = RegistrationRules.seat(registration.delegation, await this.seats.of(manager, settings, [registration.delegation]));
      const occurredAt = new Date();
      await this.change(manager, registration, {
        status: placement.status,
        updatedAt: occurredAt,
        ...(placement.status === 'waitlisted' ? { waitlistOrder: await this.nextWaitlistOrder(manager) } : {}),
      });
      const mission = await this.mission(manager, missionId);
      await this.events.announce(manager, registration, mission, {
        previousStatus: 'pending_approval',
        waitlistPosition: placement.waitlistPosition,
        occurredAt,
      });
      return toRegistrationView(registration, placement.waitlistPosition);
    });
  }

  async reject(caller: Caller, id: string, reason: string | null): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser');
    return this.dataSource.transaction(async (manager) => {
      // No seat changes hands, so the mission's lock is not needed; the registration's row is.
      const registration = await this.lockRegistration(manager, id, 'reject');
      const occurredAt = new Date();
      await this.change(manager, registration, { status: 'rejected', rejectionReason: reason, updatedAt: occurredAt });
      const mission = await this.mission(manager, missionId);
      await this.events.announce(manager, registration, mission, { previousStatus: 'pending_approval', waitlistPosition: null, occurredAt });
      return toRegistrationView(registration, null);
    });
  }

  async checkIn(caller: Caller, id: string): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser');
    return this.dataSource.transaction(async (manager) => {
      const registration = await this.lockRegistration(manager, id, 'check-in');
      const checkedInAt = new Date();
      await this.change(manager, registration, { checkedInAt, updatedAt: checkedInAt });
      await this.outbox.add(
        manager,
        'participant.checked_in',
        { registrationId: id, missionId, checkedInAt: checkedInAt.toISOString() },
        { subject: id, missionId, time: checkedInAt },
      );
      return toRegistrationView(registration, null);
    });
  }

  async list(caller: Caller, missionId: string, filters: RegistrationFilters, page: { limit: number; cursor?: string }): Promise<Page<RegistrationView>> {
    assertOrganiserOf(caller, missionId);
    await this.mission(this.dataSource.manager, missionId);
    const after = seqOfCursor(page.cursor);
    const manager = this.dataSource.manager;
    const rows = await this.page(manager, missionId, filters, after, page.limit + 1);
    const items = rows.slice(0, page.limit);
    const positions = await this.seats.waitlistPositions(manager, items);
    return {
      items: items.map((registration) => toRegistrationView(registration, positions.get(registration.id) ?? null)),
      nextCursor: rows.length > page.limit ? encodeCursor([items.at(-1)!.seq]) : null,
    };
  }

  /** Every registration of the list, for the CSV export; checks access before the first row is read. */
  async export(caller: Caller, missionId: string, filters: RegistrationFilters): Promise<{ mission: MissionEntity; records: AsyncGenerator<CsvRecord> }> {
    assertOrganiserOf(caller, missionId);
    const mission = await this.mission(this.dataSource.manager, missionId);
    return { mission, records: this.records(missionId, filters) };
  }

  private async *records(missionId: string, filters: RegistrationFilters): AsyncGenerator<CsvRecord> {
    const manager = this.dataSource.manager;
    let after: string | null = null;
    for (;;) {
      const batch = await this.page(manager, missionId, filters, after, EXPORT_BATCH);
      const positions = await this.seats.waitlistPositions(manager, batch);
      for (const registration of batch) yield toCsvRecord(registration, positions.get(registration.id) ?? null);
      if (batch.length < EXPORT_BATCH) return;
      after = batch.at(-1)!.seq;
    }
  }

  private page(manager: EntityManager, missionId: string, filters: RegistrationFilters, after: string | null, take: number): Promise<RegistrationEntity[]> {
    const where: FindOptionsWhere<RegistrationEntity> = {
      missionId,
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.delegation ? { delegation: filters.delegation } : {}),
      ...(filters.country ? { organisationCountry: filters.country } : {}),
      ...(after ? { seq: MoreThan(after) } : {}),
    };
    return manager.find(RegistrationEntity, { where, order: { seq: 'ASC' }, take });
  }

  /**
   * Loads the registration once the caller may see it: a participant's token for another
   * registration is refused before anything is read; an organiser is checked against its mission.
   */
  private async authorised(caller: Caller, id: string, who: 'organiser' | 'organiser-or-self'): Promise<RegistrationEntity> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    if (caller.kind === 'participant' && (who === 'organiser' || caller.registrationId !== id)) throw Problem.forbidden();
    const registration = await this.dataSource.getRepository(RegistrationEntity).findOneBy({ id });
    if (!registration) throw Problem.notFound('Registration', id);
    if (who === 'organiser') assertOrganiserOf(caller, registration.missionId);
    else assertOrganiserOrSelf(caller, registration.missionId, id);
    return registration;
  }

  private async lockSettings(manager: EntityManager, missionId: string): Promise<RegistrationSettingsEntity> {
    const settings = await this.seats.lock(manager, missionId);
    // A registration exists only where settings did; they are never deleted.
    if (!settings) throw notSetUp(missionId);
    return settings;
  }

  /** The registration, locked, if `action` is allowed from its status; a 409 naming what is allowed otherwise. */
  private async lockRegistration(manager: EntityManager, id: string, action: RegistrationAction): Promise<RegistrationEntity> {
    const registration = await registrationsWithTokenHash(manager).where('registration.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!registration) throw Problem.notFound('Registration', id);
    const check = RegistrationRules.check(action, registration);
    if (check.allowed) return registration;
    if (check.reason === 'already-checked-in') {
      throw Problem.conflict('already-checked-in', 'Already checked in', `The participant checked in at ${registration.checkedInAt!.toISOString()}.`, {
        checkedInAt: registration.checkedInAt!.toISOString(),
      });
    }
    const allowed = check.allowedActions;
    throw Problem.conflict(
      'invalid-transition',
      `A ${registration.status} registration cannot be ${pastTense[action]}`,
      allowed.length
        ? `A ${registration.status} registration can only be: ${allowed.map((a) => pastTense[a]).join(', ')}.`
        : `A ${registration.status} registration can no longer change.`,
      { currentStatus: registration.status, allowed },
    );
  }

  private async change(manager: EntityManager, registration: RegistrationEntity, change: Partial<RegistrationEntity>): Promise<void> {
    await manager.update(RegistrationEntity, { id: registration.id }, change);
    Object.assign(registration, change);
  }

  private async nextWaitlistOrder(manager: EntityManager): Promise<string> {
    const [row] = await manager.query(`SELECT nextval('registration_waitlist_order')::text AS value`);
    return row.value;
  }

  private async mission(manager: EntityManager, missionId: string): Promise<MissionEntity> {
    const mission = await manager.findOneBy(MissionEntity, { id: missionId });
    if (!mission) throw Problem.notFound('Mission', missionId);
    return mission;
  }

  private async view(manager: EntityManager, registration: RegistrationEntity): Promise<RegistrationView> {
    const positions = await this.seats.waitlistPositions(manager, [registration]);
    return toRegistrationView(registration, positions.get(registration.id) ?? null);
  }
}

const pastTense: Record<RegistrationAction, string> = { approve: 'approved', reject: 'rejected', cancel: 'cancelled', 'check-in': 'checked in' };

function notSetUp(missionId: string): Problem {
  return new Problem(
    HttpStatus.NOT_FOUND,
    'not-found',
    'Registration settings not found',
    `Mission ${missionId} takes no registrations: an organiser has not set them up.`,
  );
}

/** A new registration's INSERT, as plain SQL; a waitlisted one takes its place in the waitlist order. */
function insertOf(registration: RegistrationEntity): { sql: string; parameters: unknown[] } {
  const waitlistOrder = registration.status === 'waitlisted' ? `nextval('registration_waitlist_order')` : 'NULL';
  return {
    sql: `INSERT INTO registrations (id, mission_id, status, email, given_name, family_name, job_title, organisation_name, organisation_type,
            organisation_country, organisation_city, delegation, preferred_language, timezone, dietary, accessibility, consented_at, token_hash,
            waitlist_order, created_at, updated_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, ${waitlistOrder}, $19, $20)`,
    parameters: [
      registration.id,
      registration.missionId,
      registration.status,
      registration.email,
      registration.givenName,
      registration.familyName,
      registration.jobTitle,
      registration.organisationName,
      registration.organisationType,
      registration.organisationCountry,
      registration.organisationCity,
      registration.delegation,
      registration.preferredLanguage,
      registration.timezone,
      registration.dietary,
      registration.accessibility,
      registration.consentedAt,
      registration.tokenHash,
      registration.createdAt,
      registration.updatedAt,
    ],
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = cause.driverError?.code ?? cause.code;
  return code === '23505' && (cause.driverError?.constraint ?? cause.constraint) === constraint;
}
