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
  Transactions,
  type UnitOfWork,
} from '#common';
import { OutboxService } from '#messaging';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Category } from '../categories/category.js';
import { CategoriesRepository, toCategory } from '../categories/categories.repository.js';
import { CategoryRules } from '../categories/categories.rules.js';
import type { Mission, MissionOfEvents } from '../missions/mission.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import type { Answers, NewRegistration, Registration, RegistrationChange } from '../seats/registration.js';
import { RegistrationEvents } from '../seats/registration.events.js';
import { SeatRules, type RegistrationSettings, type Seats } from '../seats/seats.rules.js';
import { unknownDelegationOf } from '../delegations/delegation.problems.js';
import { DelegationRules, type Resolution } from '../delegations/delegation.rules.js';
import { SeatsService } from '../seats/seats.service.js';
import { GroupCommit, GroupQueueFull, type Outcome } from './group-commit.js';
import { RegistrationRules, type RegistrationAction } from './registration.rules.js';
import { RegistrationsRepository, type RegistrationFilters } from './registrations.repository.js';
import type { Register } from './registration.schema.js';
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

/** An arrival whose category and answers hold: what it is stored with. */
interface Admitted {
  arrival: Arrival;
  category: Category | null;
  answers: Answers | null;
}

export type { RegistrationFilters } from './registrations.repository.js';

@Injectable()
export class RegistrationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly registrations: RegistrationsRepository,
    private readonly missions: MissionsRepository,
    private readonly seats: SeatsService,
    private readonly events: RegistrationEvents,
    private readonly outbox: OutboxService,
    private readonly categories: CategoriesRepository,
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
   * The public form: registrations to one mission that arrive together take its lock together
   * (`GroupCommit`); docs/DESIGN.md, "Inside registration", says how each is answered on its own.
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
   * One group in one transaction; a failure caused by one request's data decides each again alone
   * (docs/DESIGN.md, "Inside registration").
   */
  private async decide(missionId: string, arrivals: readonly Arrival[]): Promise<Outcome<RegistrationCreatedView>[]> {
    try {
      return await this.transactions.run((unit) => this.decideIn(unit, missionId, arrivals));
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
   * Two round trips under the mission's lock: the lock (with BEGIN, and the group's e-mail addresses
   * read right after it), the insert with its events sent with the COMMIT; one more read for a mission
   * with quotas or categories (with the categories); docs/DESIGN.md, "Inside registration", counts them.
   */
  private async decideIn(unit: UnitOfWork, missionId: string, arrivals: readonly Arrival[]): Promise<Outcome<RegistrationCreatedView>[]> {
    // A group of more than one asks which of its e-mail addresses are registered already with the lock (a group of one relies on the unique index).
    const locked = await this.seats.lockForRegistration(unit, missionId, arrivals.length > 1 ? arrivals.map(({ input }) => input.email) : []);
    if (!locked) {
      await this.mission(unit, missionId);
      throw notSetUp(missionId);
    }
    const { settings, mission } = locked;
    // Keys after the mission's lock (the order every group takes them in); an arrival whose key was answered before is answered that way, first.
    const answered = await IdempotencyKey.claimAll(
      unit,
      arrivals.flatMap(({ key }) => key ?? []),
    );
    const chosen = arrivals.map(({ input }) => DelegationRules.resolve(settings.delegations, input));
    const closed = arrivals.map(
      ({ receivedAt, key }, index) =>
        (key && answered.get(key)) ??
        closedProblem(settings, receivedAt) ??
        (chosen[index]!.kind === 'unknown' ? unknownDelegationOf(settings.delegations) : null),
    );
    const open = arrivals.filter((_, index) => !closed[index]);
    const delegationOf = new Map(arrivals.map((arrival, index) => [arrival, delegationOfChoice(chosen[index]!)]));
    const emails = open.map(({ input }) => input.email);
    const delegations = open.map((arrival) => delegationOf.get(arrival)!.delegationId);
    // Sent with the seats' read, in its round trip; read after the lock, so as they are.
    const categoryRows = settings.categoryCount > 0 ? this.categories.deferList(unit, missionId) : null;
    const counted = await this.seats.forGroup(unit, settings, delegations, categoryRows !== null);
    const registered = locked.registered ?? [];
    const categories = categoryRows ? (await categoryRows.result).map(toCategory) : [];
    const seats = withCapacities(counted, categories);
    const taken = RegistrationRules.takenEmails(emails, registered);
    const admitted: Admitted[] = [];
    open.forEach((arrival, index) => {
      if (taken[index]) return;
      const admission = admit(arrival, categories);
      if (admission instanceof Problem) closed[arrivals.indexOf(arrival)] = admission;
      else admitted.push(admission);
    });
    const placements = SeatRules.placeInOrder(
      settings.approval,
      admitted.map(({ arrival }) => delegationOf.get(arrival)!.delegationId),
      seats,
      admitted.map(({ category }) => category),
    );

    const created = new Map<Arrival, RegistrationCreatedView>();
    const changed = admitted.flatMap(({ arrival, category, answers }, index) => {
      const placement = placements[index]!;
      if (placement.status === 'refused') {
        closed[arrivals.indexOf(arrival)] = noSeat(category!);
        return [];
      }
      const id = randomUUID();
      const token = deriveParticipantToken(this.config.participantTokenSecret, id, FIRST_GENERATION);
      const registration = newRegistration(id, missionId, mission, arrival, delegationOf.get(arrival)!, placement.status, token.hash, category, answers);
      created.set(arrival, toRegistrationCreated(registration, token.token));
      return [{ registration, change: { previousStatus: null, waitlistPosition: placement.waitlistPosition, occurredAt: arrival.receivedAt } }];
    });
    IdempotencyKey.deferKeepAll(
      unit,
      arrivals.flatMap((arrival) => (arrival.key && created.has(arrival) ? [[arrival.key, created.get(arrival)] as const] : [])),
    );
    if (changed.length > 0) {
      // The group's last statement: it goes with the COMMIT, and a value Postgres refuses fails the commit (see `decide`).
      await this.events.announceAllWith(unit, this.registrations.statementToInsert(changed.map(({ registration }) => registration)), changed, mission);
    }
    return arrivals.map((arrival, index) => {
      const answer = created.get(arrival);
      if (answer) return { ok: true, value: answer };
      return { ok: false, error: closed[index] ?? alreadyRegistered(arrival.input) };
    });
  }

  async get(caller: Caller, id: string): Promise<RegistrationView> {
    const registration = await this.authorised(caller, id, 'organiser-or-self');
    return this.view(this.transactions.outside, registration);
  }

  /** Frees the registration's seat, if it held one, for the first of the waitlist, in the same transaction. */
  async cancel(caller: Caller, id: string): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser-or-self');
    return this.transactions.run(async (unit) => {
      await this.lockSettings(unit, missionId);
      const registration = await this.lockRegistration(unit, id, 'cancel');
      const previousStatus = registration.status;
      const occurredAt = new Date();
      await this.change(unit, registration, { status: 'cancelled', cancelledAt: occurredAt, updatedAt: occurredAt });
      const mission = await this.mission(unit, missionId);
      const cancelled = await this.events.announce(unit, registration, mission, { previousStatus, waitlistPosition: null, occurredAt });
      if (previousStatus === 'confirmed') await this.seats.fillFromWaitlist(unit, missionId, mission, cancelled);
      return this.view(unit, registration);
    });
  }

  /** A seat if there is one (quota included), else the waitlist. */
  async approve(caller: Caller, id: string): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser');
    return this.transactions.run(async (unit) => {
      const settings = await this.lockSettings(unit, missionId);
      const registration = await this.lockRegistration(unit, id, 'approve');
      const seats = await this.seats.withCategories(unit, settings, await this.seats.of(unit, settings, [registration.delegationId]));
      const placement = SeatRules.seat(registration.delegationId, seats, registration.categoryId ?? null);
      if (placement.status === 'waitlisted' && registration.categoryId) {
        const category = (await this.categories.list(unit, missionId)).find((candidate) => candidate.id === registration.categoryId);
        if (category && !category.waitlist) throw noSeat(category);
      }
      const occurredAt = new Date();
      await this.change(unit, registration, {
        status: placement.status,
        updatedAt: occurredAt,
        ...(placement.status === 'waitlisted' ? { waitlistOrder: await this.registrations.nextWaitlistOrder(unit) } : {}),
      });
      const mission = await this.mission(unit, missionId);
      await this.events.announce(unit, registration, mission, {
        previousStatus: 'pending_approval',
        waitlistPosition: placement.waitlistPosition,
        occurredAt,
      });
      return toRegistrationView(registration, placement.waitlistPosition);
    });
  }

  async reject(caller: Caller, id: string, reason: string | null): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser');
    return this.transactions.run(async (unit) => {
      // No seat changes hands, so the mission's lock is not needed; the registration's row is.
      const registration = await this.lockRegistration(unit, id, 'reject');
      const occurredAt = new Date();
      await this.change(unit, registration, { status: 'rejected', rejectionReason: reason, updatedAt: occurredAt });
      const mission = await this.mission(unit, missionId);
      await this.events.announce(unit, registration, mission, { previousStatus: 'pending_approval', waitlistPosition: null, occurredAt });
      return toRegistrationView(registration, null);
    });
  }

  async checkIn(caller: Caller, id: string): Promise<RegistrationView> {
    const { missionId } = await this.authorised(caller, id, 'organiser');
    return this.transactions.run(async (unit) => {
      const registration = await this.lockRegistration(unit, id, 'check-in');
      const checkedInAt = new Date();
      await this.change(unit, registration, { checkedInAt, updatedAt: checkedInAt });
      await this.outbox.add(
        unit,
        'participant.checked_in',
        { registrationId: id, missionId, checkedInAt: checkedInAt.toISOString() },
        { subject: id, missionId, time: checkedInAt },
      );
      return toRegistrationView(registration, null);
    });
  }

  async list(caller: Caller, missionId: string, filters: RegistrationFilters, page: { limit: number; cursor?: string }): Promise<Page<RegistrationView>> {
    assertOrganiserOf(caller, missionId);
    const unit = this.transactions.outside;
    await this.mission(unit, missionId);
    const after = seqOfCursor(page.cursor);
    const rows = await this.registrations.page(unit, missionId, filters, after, page.limit + 1);
    const items = rows.slice(0, page.limit);
    const positions = await this.seats.waitlistPositions(unit, items);
    return {
      items: items.map((registration) => toRegistrationView(registration, positions.get(registration.id) ?? null)),
      nextCursor: rows.length > page.limit ? encodeCursor([items.at(-1)!.seq]) : null,
    };
  }

  /** Every registration of the list, for the CSV export; checks access before the first row is read. */
  async export(
    caller: Caller,
    missionId: string,
    filters: RegistrationFilters,
  ): Promise<{ mission: Mission; questionColumns: string[]; records: AsyncGenerator<CsvRecord> }> {
    assertOrganiserOf(caller, missionId);
    const mission = await this.mission(this.transactions.outside, missionId);
    const questionColumns = CategoryRules.csvColumns(await this.categories.list(this.transactions.outside, missionId));
    return { mission, questionColumns, records: this.records(missionId, filters, questionColumns) };
  }

  private async *records(missionId: string, filters: RegistrationFilters, questionColumns: readonly string[]): AsyncGenerator<CsvRecord> {
    const unit = this.transactions.outside;
    let after: string | null = null;
    for (;;) {
      const batch = await this.registrations.page(unit, missionId, filters, after, EXPORT_BATCH);
      const positions = await this.seats.waitlistPositions(unit, batch);
      for (const registration of batch) yield toCsvRecord(registration, positions.get(registration.id) ?? null, questionColumns);
      if (batch.length < EXPORT_BATCH) return;
      after = batch.at(-1)!.seq;
    }
  }

  /**
   * Loads the registration once the caller may see it: a participant's token for another
   * registration is refused before anything is read; an organiser is checked against its mission.
   */
  private async authorised(caller: Caller, id: string, who: 'organiser' | 'organiser-or-self'): Promise<Registration> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    if (caller.kind === 'participant' && (who === 'organiser' || caller.registrationId !== id)) throw Problem.forbidden();
    const registration = await this.registrations.find(this.transactions.outside, id);
    if (!registration) throw Problem.notFound('Registration', id);
    if (who === 'organiser') assertOrganiserOf(caller, registration.missionId);
    else assertOrganiserOrSelf(caller, registration.missionId, id);
    return registration;
  }

  private async lockSettings(unit: UnitOfWork, missionId: string): Promise<RegistrationSettings> {
    const settings = await this.seats.lock(unit, missionId);
    // A registration exists only where settings did; they are never deleted.
    if (!settings) throw notSetUp(missionId);
    return settings;
  }

  /** The registration, locked, if `action` is allowed from its status; a 409 naming what is allowed otherwise. */
  private async lockRegistration(unit: UnitOfWork, id: string, action: RegistrationAction): Promise<Registration> {
    const registration = await this.registrations.lock(unit, id);
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

  private async change(unit: UnitOfWork, registration: Registration, change: RegistrationChange): Promise<void> {
    await this.registrations.update(unit, registration.id, change);
    Object.assign(registration, change);
  }

  private async mission(unit: UnitOfWork, missionId: string): Promise<Mission> {
    const mission = await this.missions.find(unit, missionId);
    if (!mission) throw Problem.notFound('Mission', missionId);
    return mission;
  }

  private async view(unit: UnitOfWork, registration: Registration): Promise<RegistrationView> {
    const positions = await this.seats.waitlistPositions(unit, [registration]);
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

/** The generation of a new registration's first sign-in link and access token (the columns' default too). */
const FIRST_GENERATION = 1;

function newRegistration(
  id: string,
  missionId: string,
  mission: MissionOfEvents,
  { input, receivedAt }: Arrival,
  delegation: Pick<Registration, 'delegation' | 'delegationId'>,
  status: Registration['status'],
  tokenHash: string,
  category: Category | null,
  answers: Answers | null,
): NewRegistration {
  return {
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
    ...delegation,
    delegationRole: null,
    categoryId: category?.id ?? null,
    categoryCode: category?.code ?? null,
    answers,
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
  };
}

/** The 422 for a registration that arrived outside the registration window, or null inside it. */
function closedProblem(settings: { opensAt: Date | null; closesAt: Date | null }, now: Date): Problem | null {
  const window = SeatRules.window(settings, now);
  if (window === 'open') return null;
  return Problem.unprocessable(
    'registration-closed',
    'Registration is closed',
    window === 'not-yet-open' ? `Registration opens at ${settings.opensAt!.toISOString()}.` : `Registration closed at ${settings.closesAt!.toISOString()}.`,
    { opensAt: settings.opensAt?.toISOString() ?? null, closesAt: settings.closesAt?.toISOString() ?? null },
  );
}

/** The seats with the capacities of the mission's categories. */
function withCapacities(seats: Seats, categories: readonly Category[]): Seats {
  if (categories.length === 0) return seats;
  return { ...seats, categoryCapacities: Object.fromEntries(categories.map((category) => [category.id, category.capacity])) };
}

/**
 * The arrival's category (required when the mission has any, open at its arrival) and its answers
 * checked against the category's questions; else the problem that refuses it, naming each field.
 */
function admit(arrival: Arrival, categories: readonly Category[]): Admitted | Problem {
  const { input, receivedAt } = arrival;
  const choice = CategoryRules.choose(categories, input.category);
  if (!choice.ok) {
    const codes = categories.map((category) => category.code);
    const message =
      choice.reason === 'category-required'
        ? `is required: one of ${codes.join(', ')}`
        : codes.length > 0
          ? `must be one of: ${codes.join(', ')}`
          : 'this mission has no registration categories';
    return new Problem(HttpStatus.BAD_REQUEST, 'validation', 'Invalid request', 'The registration category is missing or unknown.', {
      errors: [{ field: 'category', message }],
      categories: codes,
    });
  }
  const category = choice.category;
  if (category) {
    const window = CategoryRules.window(category, receivedAt);
    if (window !== 'open') {
      return Problem.unprocessable(
        'registration-closed',
        'Registration is closed',
        window === 'not-yet-open'
          ? `Registration in category ${category.code} opens at ${category.opensAt!.toISOString()}.`
          : `Registration in category ${category.code} closed at ${category.closesAt!.toISOString()}.`,
        { opensAt: category.opensAt?.toISOString() ?? null, closesAt: category.closesAt?.toISOString() ?? null, category: category.code },
      );
    }
  }
  const checked = CategoryRules.check(category?.questions ?? [], input.answers);
  if (!checked.ok) return Problem.validation(checked.errors, 'Some answers to the questions are missing or not valid; `errors` names each.');
  return { arrival, category, answers: category ? checked.answers : null };
}

/** A registration that finds no seat in a category that keeps no waiting list. */
function noSeat(category: Category): Problem {
  return Problem.conflict('category-full', 'No seat is left in this category', `Category ${category.code} has no seat left and keeps no waiting list.`, {
    category: category.code,
  });
}

/** The delegation a registration stores: the mission's (its name as the delegation spells it), or free text where the mission has none. */
function delegationOfChoice(resolution: Resolution): Pick<Registration, 'delegation' | 'delegationId'> {
  if (resolution.kind === 'found') return { delegation: resolution.delegation.name, delegationId: resolution.delegation.id };
  if (resolution.kind === 'free-text') return { delegation: resolution.name, delegationId: null };
  return { delegation: null, delegationId: null };
}

function alreadyRegistered(input: Register): Problem {
  return Problem.conflict('already-registered', 'Already registered', `${input.email} is already registered to this mission.`);
}

/** A failure of a statement caused by the values it carried (SQLSTATE classes 22, data exception, and 23, integrity constraint). */
function isCausedByData(error: unknown): boolean {
  const code = sqlStateOf(error);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}
