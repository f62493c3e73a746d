import {
  assertOrganiserOf,
  assertOrganiserOrSelf,
  encodeCursor,
  IdempotencyKey,
  isUniqueViolation,
  deriveParticipantToken,
  SERVICE_CONFIG,
  type ServiceConfig,
  Problem,
  seqOfCursor,
  sqlStateOf,
  type Caller,
  type Page,
  UnitOfWork,
  type Statement,
} from '#common';
import { OutboxService } from '#messaging';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { MoreThan, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { MissionEntity, type MissionOfEvents } from '../missions/mission.entity.js';
import { GroupCommit, GroupQueueFull, type Outcome } from './group-commit.js';
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
/** Most registrations of one mission decided in one transaction. */
const MAX_GROUP_SIZE = 64;
/** Registrations of one mission waiting for their turn: past it the form is answered 503 at once instead of holding memory and sockets without bound. */
const MAX_WAITING_PER_MISSION = 2_000;

/** A registration form as it arrived, waiting for its mission's turn. */
interface Arrival {
  input: Register;
  receivedAt: Date;
  /** Its Idempotency-Key, claimed and answered in the group's transaction. */
  key?: IdempotencyKey;
}

export type RegistrationFilters = Pick<RegistrationListQuery, 'status' | 'delegation' | 'country'>;

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: MissionSeats,
    private readonly events: RegistrationEvents,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Registrations of one mission that arrive while its previous group is being decided are decided together. */
  private readonly groups = new GroupCommit<string, Arrival, RegistrationCreatedView>(
    (missionId, arrivals) => this.decide(missionId, arrivals),
    MAX_GROUP_SIZE,
    MAX_WAITING_PER_MISSION,
  );

  /** Registrations of the mission waiting for the group being decided to end (what the queue's bound counts). */
  waiting(missionId: string): number {
    return this.groups.pending(missionId);
  }

  /**
   * The public form. Registrations to one mission take turns on its settings row, so no seat is
   * given twice; those that arrive together take that turn together (`GroupCommit`): one lock, the
   * rules applied to each in arrival order, one statement that stores them all with their events,
   * one commit. Each is answered on its own: a taken e-mail or a closed window refuses that one only.
   */
  async register(missionId: string, input: Register, key?: IdempotencyKey): Promise<RegistrationCreatedView> {
    try {
      return await this.groups.submit(missionId, { input, receivedAt: new Date(), key });
    } catch (error) {
      if (error instanceof GroupQueueFull)
        throw Problem.unavailable(
          'registration-queue-full',
          'Too many registrations are waiting for this mission',
          'Try again in a moment: nothing was stored.',
          1,
        );
      throw error;
    }
  }

  /**
   * One group in one transaction. When a statement fails on what one request carries (a value
   * Postgres refuses, an e-mail taken after all), the transaction has stored nothing and each request
   * of the group is decided again alone, so that only that one fails; any other failure fails the group.
   */
  private async decide(missionId: string, arrivals: readonly Arrival[]): Promise<Outcome<RegistrationCreatedView>[]> {
    try {
      return await this.dataSource.transaction((manager) => this.decideIn(manager, missionId, arrivals));
    } catch (error) {
      if (arrivals.length === 1 && isUniqueViolation(error, 'registrations_active_email')) return [{ ok: false, error: alreadyRegistered(arrivals[0]!.input) }];
      if (arrivals.length === 1 || !isCausedByData(error)) throw error;
      const outcomes: Outcome<RegistrationCreatedView>[] = [];
      for (const arrival of arrivals) {
        outcomes.push(...(await this.decide(missionId, [arrival]).catch((alone: unknown) => [{ ok: false as const, error: alone }])));
      }
      return outcomes;
    }
  }

  /**
   * Under the mission's lock, with only three round trips under it: the lock (with BEGIN), one read
   * of taken e-mails and quota counts (none for a single registration without a quota: the unique
   * index answers for its e-mail), and the statement that stores every accepted registration with its
   * event, sent with the commit.
   */
  private async decideIn(manager: EntityManager, missionId: string, arrivals: readonly Arrival[]): Promise<Outcome<RegistrationCreatedView>[]> {
    const locked = await this.seats.lockForRegistration(manager, missionId);
    if (!locked) {
      await this.mission(manager, missionId);
      throw notSetUp(missionId);
    }
    const { settings, mission } = locked;
    // Keys after the mission's lock (the order every group takes them in); an arrival whose key was answered before is answered that way, first.
    const answered = await IdempotencyKey.claimAll(
      UnitOfWork.of(manager),
      arrivals.flatMap(({ key }) => key ?? []),
    );
    const closed = arrivals.map(({ receivedAt, key }) => (key && answered.get(key)) ?? closedProblem(settings, receivedAt));
    const open = arrivals.filter((_, index) => !closed[index]);
    const emails = open.map(({ input }) => input.email);
    const delegations = open.map(({ input }) => input.delegation ?? null);
    const { seats, registered } = await this.seats.forGroup(manager, settings, open.length > 1 ? emails : [], delegations);
    const taken = RegistrationRules.takenEmails(emails, registered);
    const accepted = open.filter((_, index) => !taken[index]);
    const placements = RegistrationRules.placeInOrder(
      settings.approval,
      accepted.map(({ input }) => input.delegation ?? null),
      seats,
    );

    const created = new Map<Arrival, RegistrationCreatedView>();
    const changed = accepted.map((arrival, index) => {
      const id = randomUUID();
      const token = deriveParticipantToken(this.config.participantTokenSecret, id, FIRST_GENERATION);
      const registration = newRegistration(manager, id, missionId, mission, arrival, placements[index]!.status, token.hash);
      created.set(arrival, toRegistrationCreated(registration, token.token));
      return { registration, change: { previousStatus: null, waitlistPosition: placements[index]!.waitlistPosition, occurredAt: arrival.receivedAt } };
    });
    IdempotencyKey.deferKeepAll(
      UnitOfWork.of(manager),
      accepted.flatMap((arrival) => (arrival.key ? [[arrival.key, created.get(arrival)] as const] : [])),
    );
    if (changed.length > 0) {
      // The group's last statement: it goes with the COMMIT, and a value Postgres refuses fails the commit (see `decide`).
      await this.events.announceAllWith(manager, insertOf(changed.map(({ registration }) => registration)), changed, mission);
    }
    return arrivals.map((arrival, index) => {
      const answer = created.get(arrival);
      if (answer) return { ok: true, value: answer };
      return { ok: false, error: closed[index] ?? alreadyRegistered(arrival.input) };
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
        UnitOfWork.of(manager),
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

const columns = [
  ['id', 'uuid'],
  ['status', 'text'],
  ['email', 'text'],
  ['given_name', 'text'],
  ['family_name', 'text'],
  ['job_title', 'text'],
  ['organisation_name', 'text'],
  ['organisation_type', 'text'],
  ['organisation_country', 'text'],
  ['organisation_city', 'text'],
  ['delegation', 'text'],
  ['preferred_language', 'text'],
  ['timezone', 'text'],
  ['dietary', 'text'],
  ['accessibility', 'text'],
  ['consented_at', 'timestamptz'],
  ['token_hash', 'text'],
  ['created_at', 'timestamptz'],
] as const;

/**
 * New registrations of one mission as one INSERT, as plain SQL, each column an array (so the text is
 * the same for any number of rows and is prepared once); a waitlisted one takes the next place in the
 * waitlist order, in the order given.
 */
function insertOf(registrations: readonly RegistrationEntity[]): Statement {
  const names = columns.map(([name]) => name);
  return {
    text: `INSERT INTO registrations (mission_id, ${names.join(', ')}, updated_at, waitlist_order)
          SELECT $1::uuid, ${names.join(', ')}, created_at,
                 CASE WHEN status = 'waitlisted' THEN nextval('registration_waitlist_order') END
            FROM unnest(${columns.map(([, type], index) => `$${index + 2}::${type}[]`).join(', ')}) WITH ORDINALITY AS r (${names.join(', ')}, n)
           ORDER BY n`,
    values: [
      registrations[0]!.missionId,
      registrations.map((r) => r.id),
      registrations.map((r) => r.status),
      registrations.map((r) => r.email),
      registrations.map((r) => r.givenName),
      registrations.map((r) => r.familyName),
      registrations.map((r) => r.jobTitle),
      registrations.map((r) => r.organisationName),
      registrations.map((r) => r.organisationType),
      registrations.map((r) => r.organisationCountry),
      registrations.map((r) => r.organisationCity),
      registrations.map((r) => r.delegation),
      registrations.map((r) => r.preferredLanguage),
      registrations.map((r) => r.timezone),
      registrations.map((r) => r.dietary),
      registrations.map((r) => r.accessibility),
      registrations.map((r) => r.consentedAt),
      registrations.map((r) => r.tokenHash),
      registrations.map((r) => r.createdAt),
    ],
  };
}

/** The generation of a new registration's first sign-in link and access token (the columns' default too). */
const FIRST_GENERATION = 1;

function newRegistration(
  manager: EntityManager,
  id: string,
  missionId: string,
  mission: MissionOfEvents,
  { input, receivedAt }: Arrival,
  status: RegistrationEntity['status'],
  tokenHash: string,
): RegistrationEntity {
  return manager.create(RegistrationEntity, {
    id,
    missionId,
    status,
    email: input.email,
    givenName: input.givenName,
    familyName: input.familyName,
    jobTitle: input.jobTitle ?? null,
    organisationName: input.organisation.name,
    organisationType: input.organisation.type,
    organisationCountry: input.organisation.country,
    organisationCity: input.organisation.city ?? null,
    delegation: input.delegation ?? null,
    preferredLanguage: input.preferredLanguage,
    timezone: input.timezone ?? mission.timezone,
    dietary: input.dietary ?? null,
    accessibility: input.accessibility ?? null,
    consentedAt: receivedAt,
    tokenHash,
    linkGeneration: FIRST_GENERATION,
    tokenGeneration: FIRST_GENERATION,
    waitlistOrder: null,
    rejectionReason: null,
    checkedInAt: null,
    cancelledAt: null,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  });
}

/** The 422 for a registration that arrived outside the registration window, or null inside it. */
function closedProblem(settings: { opensAt: Date | null; closesAt: Date | null }, now: Date): Problem | null {
  const window = RegistrationRules.window(settings, now);
  if (window === 'open') return null;
  return Problem.unprocessable(
    'registration-closed',
    'Registration is closed',
    window === 'not-yet-open' ? `Registration opens at ${settings.opensAt!.toISOString()}.` : `Registration closed at ${settings.closesAt!.toISOString()}.`,
    { opensAt: settings.opensAt?.toISOString() ?? null, closesAt: settings.closesAt?.toISOString() ?? null },
  );
}

function alreadyRegistered(input: Register): Problem {
  return Problem.conflict('already-registered', 'Already registered', `${input.email} is already registered to this mission.`);
}

/** A failure of a statement caused by the values it carried (SQLSTATE classes 22, data exception, and 23, integrity constraint). */
function isCausedByData(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}
