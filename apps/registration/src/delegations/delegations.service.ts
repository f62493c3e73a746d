import { assertOrganiserOf, Problem, Transactions, type Caller, type UnitOfWork } from '#common';
import { OutboxService, type OutboxEntry } from '#messaging';
import { HttpStatus, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { MissionOfEvents } from '../missions/mission.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import type { Registration } from '../seats/registration.js';
import { toSnapshot } from '../seats/registration.events.js';
import { SeatRules } from '../seats/seats.rules.js';
import { SeatsService } from '../seats/seats.service.js';
import type { Delegation } from './delegation.js';
import { DelegationRules, type ParentProblem } from './delegation.rules.js';
import type { CreateDelegation, UpdateDelegation } from './delegation.schema.js';
import { toDelegationSnapshot, toDelegationView, toMemberView, type DelegationView, type MemberView } from './delegation.view.js';
import { DelegationsRepository } from './delegations.repository.js';

/** The country of a delegation created before anyone said (ISO 3166's user-assigned code CLDR calls "Unknown Region"). */
export const UNKNOWN_COUNTRY = 'ZZ';

/** What a write works on: the mission's delegations, read after its lock, and what its events say of the mission. */
interface Locked {
  unit: UnitOfWork;
  all: Delegation[];
  mission: MissionOfEvents;
  at: Date;
}

/**
 * A mission's delegations (DESIGN.md, "Delegations"). Every write takes the mission's seats lock
 * first, as registrations do, so a quota, a move and a registration never pass each other.
 */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: DelegationsRepository,
    private readonly seats: SeatsService,
    private readonly missions: MissionsRepository,
    private readonly outbox: OutboxService,
  ) {}

  async list(caller: Caller, missionId: string, language: string | undefined): Promise<DelegationView[]> {
    assertOrganiserOf(caller, missionId);
    const unit = this.transactions.outside;
    if (!(await this.missions.exists(unit, missionId))) throw Problem.notFound('Mission', missionId);
    const all = await this.repository.ofMission(unit, missionId);
    return this.views(unit, missionId, all, all, language);
  }

  /** The delegations the participant heads, with those within them: what their own link opens. */
  async headed(caller: Caller, language: string | undefined): Promise<DelegationView[]> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    if (caller.kind !== 'participant') throw Problem.forbidden('Only a participant’s own token heads delegations.');
    const unit = this.transactions.outside;
    const all = await this.repository.ofMission(unit, caller.missionId);
    const headed = new Set(DelegationRules.headed(all, caller.registrationId));
    return this.views(
      unit,
      caller.missionId,
      all.filter((delegation) => headed.has(delegation.id)),
      all,
      language,
    );
  }

  async get(caller: Caller, id: string, language: string | undefined): Promise<DelegationView> {
    const { delegation, all } = await this.readable(caller, id);
    return (await this.views(this.transactions.outside, delegation.missionId, [delegation], all, language))[0]!;
  }

  async create(caller: Caller, missionId: string, input: CreateDelegation, language: string | undefined): Promise<DelegationView> {
    assertOrganiserOf(caller, missionId);
    const id = randomUUID();
    return this.write(missionId, async (locked) => {
      const { unit, all, at } = locked;
      this.checkNames(all, null, input.names);
      this.checkParent(all, null, input.parentId ?? null);
      await this.checkHead(unit, missionId, input.headRegistrationId ?? null);
      const delegation: Delegation = {
        id,
        missionId,
        name: DelegationRules.mainName(input.names),
        names: input.names,
        country: input.country,
        city: input.city ?? null,
        parentId: input.parentId ?? null,
        headRegistrationId: input.headRegistrationId ?? null,
        precedence: lastPlace(all) + 1,
        quota: input.quota ?? null,
        createdAt: at,
        updatedAt: at,
      };
      await this.repository.save(unit, delegation);
      all.push(delegation);
      const events: OutboxEntry[] = [this.saved(delegation, at)];
      if (input.precedence !== undefined) events.push(...(await this.order(locked, DelegationRules.moveTo(ids(all), id, input.precedence))));
      await this.outbox.addMany(unit, events);
      return this.views(unit, missionId, [delegation], all, language).then(([view]) => view!);
    });
  }

  async update(caller: Caller, id: string, input: UpdateDelegation, language: string | undefined): Promise<DelegationView> {
    const missionId = await this.missionOf(caller, id);
    return this.write(missionId, async (locked) => {
      const { unit, all, mission, at } = locked;
      const delegation = this.pick(all, id);
      if (input.names) this.checkNames(all, id, input.names);
      if (input.parentId !== undefined) this.checkParent(all, id, input.parentId);
      if (input.headRegistrationId !== undefined) await this.checkHead(unit, missionId, input.headRegistrationId);
      const before = { ...delegation };
      Object.assign(delegation, {
        ...(input.names ? { names: input.names, name: DelegationRules.mainName(input.names) } : {}),
        ...(input.country !== undefined ? { country: input.country } : {}),
        ...(input.city !== undefined ? { city: input.city } : {}),
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.headRegistrationId !== undefined ? { headRegistrationId: input.headRegistrationId } : {}),
        ...(input.quota !== undefined ? { quota: input.quota } : {}),
        updatedAt: at,
      });
      await this.repository.save(unit, delegation);
      const events: OutboxEntry[] = [this.saved(delegation, at)];
      if (input.precedence !== undefined) events.push(...(await this.order(locked, DelegationRules.moveTo(ids(all), id, input.precedence))));
      // Its members' registrations spell its name: consumers that keep names (scheduling's audiences) hear of the new one.
      if (delegation.name !== before.name)
        events.push(...(await this.updatedEvents(unit, await this.repository.rename(unit, id, delegation.name, at), mission, at)));
      await this.outbox.addMany(unit, events);
      // A raised quota, or a delegation moved out of a full one, may have room for its waitlist now.
      if (delegation.quota !== before.quota || delegation.parentId !== before.parentId) await this.seats.fillFromWaitlist(unit, missionId, mission);
      return this.views(unit, missionId, [delegation], all, language).then(([view]) => view!);
    });
  }

  /** Only an empty delegation (no active registration, no sub-delegation) is removed; `merge` empties one into another. */
  async remove(caller: Caller, id: string): Promise<void> {
    const missionId = await this.missionOf(caller, id);
    await this.write(missionId, async ({ unit, all, mission, at }) => {
      this.pick(all, id);
      const held = await this.repository.hasRegistrations(unit, id);
      const parts = all.filter((one) => one.parentId === id);
      if (held.active || parts.length > 0) {
        throw Problem.conflict(
          'delegation-not-empty',
          'The delegation is not empty',
          'It has registrations or sub-delegations: merge it into another delegation, or move them first.',
          { subDelegations: parts.map((part) => part.id) },
        );
      }
      // Cancelled and rejected registrations keep the name they had, without the row.
      if (held.any) await this.repository.detach(unit, id);
      await this.repository.remove(unit, id);
      await this.outbox.add(
        unit,
        'delegation.removed',
        { delegationId: id, missionId, mergedInto: null, occurredAt: at.toISOString() },
        { subject: id, missionId, time: at },
      );
      // The ones after it move up a place (as after a merge), each announced.
      const remaining = all.filter((one) => one.id !== id);
      await this.outbox.addMany(unit, await this.order({ unit, all: remaining, mission, at }, ids(remaining)));
    });
  }

  /** `id`'s members and sub-delegations go to `into`; `id` is removed (`delegation.removed` with `mergedInto`). */
  async merge(caller: Caller, id: string, into: string, language: string | undefined): Promise<DelegationView> {
    const missionId = await this.missionOf(caller, id);
    return this.write(missionId, async ({ unit, all, mission, at }) => {
      const from = this.pick(all, id);
      const target = this.pick(all, into);
      if (DelegationRules.subtree(all, id).includes(into)) {
        throw Problem.unprocessable('invalid-merge', 'Cannot merge a delegation into itself', `${target.name} is ${from.name} or lies within it.`);
      }
      const remaining = all.filter((one) => one.id !== id);
      const parts = remaining.filter((one) => one.parentId === id);
      for (const part of parts) {
        const problem = DelegationRules.parentProblem(
          remaining.map((one) => (one.id === part.id ? { ...one, parentId: null } : one)),
          part.id,
          into,
        );
        if (problem) throw parentProblemOf(problem);
      }
      const events: OutboxEntry[] = [];
      const moved = await this.repository.moveAll(unit, id, { id: target.id, name: target.name }, at);
      for (const part of parts) {
        Object.assign(part, { parentId: into, updatedAt: at });
        await this.repository.save(unit, part);
        events.push(this.saved(part, at));
      }
      await this.repository.remove(unit, id);
      events.push({
        type: 'delegation.removed',
        data: { delegationId: id, missionId, mergedInto: into, occurredAt: at.toISOString() },
        context: { subject: id, missionId, time: at },
      });
      events.push(...(await this.updatedEvents(unit, moved, mission, at)));
      events.push(...(await this.order({ unit, all: remaining, mission, at }, ids(remaining))));
      await this.outbox.addMany(unit, events);
      await this.seats.fillFromWaitlist(unit, missionId, mission);
      return this.views(unit, missionId, [target], remaining, language).then(([view]) => view!);
    });
  }

  /** The whole order of precedence at once: every delegation of the mission, first first. */
  async reorder(caller: Caller, missionId: string, order: readonly string[], language: string | undefined): Promise<DelegationView[]> {
    assertOrganiserOf(caller, missionId);
    return this.write(missionId, async (locked) => {
      if (!DelegationRules.isPermutation(ids(locked.all), order)) {
        throw Problem.unprocessable('invalid-order', 'Not an order of the mission’s delegations', 'Name each of the mission’s delegations exactly once.', {
          delegationIds: ids(locked.all),
        });
      }
      await this.outbox.addMany(locked.unit, await this.order(locked, order));
      locked.all.sort((a, b) => a.precedence - b.precedence);
      return this.views(locked.unit, missionId, locked.all, locked.all, language);
    });
  }

  /** The registrations of the delegation and of every delegation within it, for an organiser or its head. */
  async members(caller: Caller, id: string): Promise<MemberView[]> {
    const { delegation, all } = await this.readable(caller, id);
    const within = DelegationRules.subtree(all, delegation.id);
    return (await this.repository.members(this.transactions.outside, within)).map((member) => toMemberView(member, all));
  }

  /** An organiser moves a registration into the delegation; a confirmed seat must fit each quota it enters. */
  async addMember(caller: Caller, id: string, registrationId: string): Promise<MemberView> {
    const missionId = await this.missionOf(caller, id);
    return this.write(missionId, async ({ unit, all, mission, at }) => {
      const to = this.pick(all, id);
      const member = await this.activeMember(unit, missionId, registrationId);
      if (member.status === 'confirmed') {
        const settings = (await this.seats.lock(unit, missionId))!;
        const move = SeatRules.canMoveSeat(member.delegationId, id, await this.seats.of(unit, settings, [id]));
        if (!move.allowed) {
          const full = all.find((one) => one.id === move.delegation)!;
          throw Problem.conflict('delegation-full', 'The delegation is full', `Delegation ${full.name} has used its quota of ${move.quota} confirmed seats.`, {
            delegation: full.name,
            quota: move.quota,
            confirmed: move.confirmed,
          });
        }
      }
      await this.moveMember(unit, all, mission, member, to, at);
      await this.seats.fillFromWaitlist(unit, missionId, mission);
      return toMemberView(member, all);
    });
  }

  /** An organiser, or the head, moves a member out of the delegation (it then has none). */
  async removeMember(caller: Caller, id: string, registrationId: string): Promise<void> {
    const { delegation } = await this.readable(caller, id);
    await this.write(delegation.missionId, async ({ unit, all, mission, at }) => {
      const member = await this.memberWithin(unit, all, id, registrationId);
      await this.moveMember(unit, all, mission, member, null, at);
      await this.seats.fillFromWaitlist(unit, delegation.missionId, mission);
    });
  }

  /** An organiser, or the head, marks a member's role in the delegation. */
  async setRole(caller: Caller, id: string, registrationId: string, role: string | null): Promise<MemberView> {
    const { delegation } = await this.readable(caller, id);
    return this.write(delegation.missionId, async ({ unit, all, at }) => {
      const member = await this.memberWithin(unit, all, id, registrationId);
      const current = all.find((one) => one.id === member.delegationId)!;
      await this.repository.setMembership(unit, member.id, { id: current.id, name: current.name }, role, at);
      return toMemberView({ ...member, delegationRole: role }, all);
    });
  }

  /**
   * Erasure (participant-data, in its transaction, under the mission's lock): the person leaves their
   * delegation and heads none any more, each such delegation announced again.
   */
  async forget(unit: UnitOfWork, registrationId: string, at: Date): Promise<void> {
    const cleared = await this.repository.clearHead(unit, registrationId, at);
    await this.repository.setMembership(unit, registrationId, null, null, at);
    if (cleared.length > 0)
      await this.outbox.addMany(
        unit,
        cleared.map((delegation) => this.saved(delegation, at)),
      );
  }

  /**
   * The deprecated `delegationQuotas` of the registration settings, under the lock the settings' write
   * holds: each name (any case, any of its languages) gets its quota, a new name a new delegation,
   * and the mission's other delegations none. Left out, the delegations stay as they are.
   */
  async applyQuotas(unit: UnitOfWork, missionId: string, quotas: Readonly<Record<string, number>>): Promise<void> {
    const all = await this.repository.ofMission(unit, missionId);
    const at = new Date();
    const events: OutboxEntry[] = [];
    const named = new Set<string>();
    for (const [name, quota] of Object.entries(quotas).sort(([a], [b]) => a.localeCompare(b))) {
      let delegation = all.find((one) => DelegationRules.isNamed(one, name));
      if (!delegation) {
        delegation = { ...newDelegation(missionId, { [LEGACY_LANGUAGE]: name }, lastPlace(all) + 1, at), quota };
        all.push(delegation);
      } else if (delegation.quota === quota) {
        named.add(delegation.id);
        continue;
      }
      Object.assign(delegation, { quota, updatedAt: at });
      named.add(delegation.id);
      await this.repository.save(unit, delegation);
      events.push(this.saved(delegation, at));
    }
    for (const delegation of all.filter((one) => !named.has(one.id) && one.quota !== null)) {
      Object.assign(delegation, { quota: null, updatedAt: at });
      await this.repository.save(unit, delegation);
      events.push(this.saved(delegation, at));
    }
    if (events.length > 0) await this.outbox.addMany(unit, events);
  }

  private async write<T>(missionId: string, work: (locked: Locked) => Promise<T>): Promise<T> {
    return this.transactions.run(async (unit) => {
      const locked = await this.seats.lockForRegistration(unit, missionId);
      if (!locked) {
        if (!(await this.missions.exists(unit, missionId))) throw Problem.notFound('Mission', missionId);
        throw new Problem(
          HttpStatus.CONFLICT,
          'registration-not-set-up',
          'Registration is not set up',
          `Mission ${missionId} has no registration settings yet: set them up before its delegations.`,
        );
      }
      return work({ unit, all: await this.repository.ofMission(unit, missionId), mission: locked.mission, at: new Date() });
    });
  }

  /** The delegation's mission, once an organiser of it asks. */
  private async missionOf(caller: Caller, id: string): Promise<string> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    const delegation = await this.repository.find(this.transactions.outside, id);
    if (!delegation) throw Problem.notFound('Delegation', id);
    assertOrganiserOf(caller, delegation.missionId);
    return delegation.missionId;
  }

  /** The delegation, for an organiser of its mission or the head of it or of a delegation it lies within; nobody else. */
  private async readable(caller: Caller, id: string): Promise<{ delegation: Delegation; all: Delegation[] }> {
    if (caller.kind === 'anonymous') throw Problem.unauthorized();
    const outside = this.transactions.outside;
    const delegation = await this.repository.find(outside, id);
    if (!delegation) throw Problem.notFound('Delegation', id);
    if (caller.kind === 'organiser') assertOrganiserOf(caller, delegation.missionId);
    const all = await this.repository.ofMission(outside, delegation.missionId);
    if (caller.kind === 'participant' && (caller.missionId !== delegation.missionId || !DelegationRules.headed(all, caller.registrationId).includes(id))) {
      throw Problem.forbidden('Only an organiser of the mission or the head of this delegation sees it.');
    }
    return { delegation, all };
  }

  private pick(all: readonly Delegation[], id: string): Delegation {
    const delegation = all.find((one) => one.id === id);
    if (!delegation) throw Problem.notFound('Delegation', id);
    return delegation;
  }

  private checkNames(all: readonly Delegation[], id: string | null, names: Readonly<Record<string, string>>): void {
    const clashes = DelegationRules.clashes(all, id, Object.values(names));
    if (clashes.length > 0) {
      throw Problem.conflict('delegation-name-taken', 'Another delegation has this name', `The mission has a delegation named ${clashes.join(', ')} already.`, {
        names: clashes,
      });
    }
  }

  private checkParent(all: readonly Delegation[], id: string | null, parentId: string | null): void {
    const problem = DelegationRules.parentProblem(all, id, parentId);
    if (problem) throw parentProblemOf(problem);
  }

  private async checkHead(unit: UnitOfWork, missionId: string, registrationId: string | null): Promise<void> {
    if (registrationId !== null && !(await this.repository.registrationOfMission(unit, missionId, registrationId))) {
      throw Problem.unprocessable('unknown-head', 'Unknown head', `Registration ${registrationId} is not one of this mission's.`);
    }
  }

  /** A registration of the mission that is pending, confirmed or waitlisted, locked. */
  private async activeMember(unit: UnitOfWork, missionId: string, registrationId: string): Promise<Registration> {
    const member = await this.repository.lockRegistration(unit, registrationId);
    if (!member || member.missionId !== missionId) throw Problem.notFound('Registration', registrationId);
    if (member.erasedAt || !['pending_approval', 'confirmed', 'waitlisted'].includes(member.status)) {
      throw Problem.conflict('invalid-transition', 'Not an active registration', 'Only a pending, confirmed or waitlisted registration joins a delegation.', {
        currentStatus: member.status,
      });
    }
    return member;
  }

  /** A member of the delegation or of one within it, locked; 404 for anyone else (a head sees no one beyond their delegation). */
  private async memberWithin(unit: UnitOfWork, all: readonly Delegation[], id: string, registrationId: string): Promise<Registration> {
    const member = await this.repository.lockRegistration(unit, registrationId);
    if (!member || member.delegationId === null || !DelegationRules.subtree(all, id).includes(member.delegationId)) {
      throw Problem.notFound('Member of this delegation', registrationId);
    }
    return member;
  }

  /** The member joins `to` (null: none), without their old role; a head leaving their delegation stops heading it. */
  private async moveMember(
    unit: UnitOfWork,
    all: Delegation[],
    mission: MissionOfEvents,
    member: Registration,
    to: Delegation | null,
    at: Date,
  ): Promise<void> {
    await this.repository.setMembership(unit, member.id, to ? { id: to.id, name: to.name } : null, null, at);
    Object.assign(member, { delegationId: to?.id ?? null, delegation: to?.name ?? null, delegationRole: null, updatedAt: at });
    const events = await this.updatedEvents(unit, [member], mission, at);
    for (const headed of all.filter((one) => one.headRegistrationId === member.id && one.id !== to?.id)) {
      Object.assign(headed, { headRegistrationId: null, updatedAt: at });
      await this.repository.save(unit, headed);
      events.push(this.saved(headed, at));
    }
    await this.outbox.addMany(unit, events);
  }

  /** Rewrites precedence to `order`, announcing each delegation whose place changed. */
  private async order({ unit, all, at }: Locked, order: readonly string[]): Promise<OutboxEntry[]> {
    const events: OutboxEntry[] = [];
    for (const [index, id] of order.entries()) {
      const delegation = this.pick(all, id);
      if (delegation.precedence === index + 1) continue;
      Object.assign(delegation, { precedence: index + 1, updatedAt: at });
      await this.repository.save(unit, delegation);
      events.push(this.saved(delegation, at));
    }
    return events;
  }

  private saved(delegation: Delegation, at: Date): OutboxEntry {
    return {
      type: 'delegation.saved',
      data: toDelegationSnapshot(delegation, at),
      context: { subject: delegation.id, missionId: delegation.missionId, time: at },
    };
  }

  /** `registration.updated` for each registration whose delegation changed, with its waitlist place. */
  private async updatedEvents(unit: UnitOfWork, registrations: readonly Registration[], mission: MissionOfEvents, at: Date): Promise<OutboxEntry[]> {
    if (registrations.length === 0) return [];
    const positions = await this.seats.waitlistPositions(unit, registrations);
    return registrations.map((registration) => ({
      type: 'registration.updated',
      data: toSnapshot(registration, mission, {
        previousStatus: registration.status,
        waitlistPosition: positions.get(registration.id) ?? null,
        occurredAt: at,
      }),
      context: { subject: registration.id, missionId: registration.missionId, time: at },
    }));
  }

  private async views(unit: UnitOfWork, missionId: string, shown: readonly Delegation[], all: readonly Delegation[], language: string | undefined) {
    const counts = await this.repository.counts(unit, missionId);
    return shown.map((delegation) => toDelegationView(delegation, all, counts, language));
  }
}

/** The language of a name given without one (the deprecated quotas map). */
const LEGACY_LANGUAGE = 'en';

function newDelegation(missionId: string, names: Record<string, string>, precedence: number, at: Date): Delegation {
  return {
    id: randomUUID(),
    missionId,
    name: DelegationRules.mainName(names),
    names,
    country: UNKNOWN_COUNTRY,
    city: null,
    parentId: null,
    headRegistrationId: null,
    precedence,
    quota: null,
    createdAt: at,
    updatedAt: at,
  };
}

function lastPlace(all: readonly Delegation[]): number {
  return Math.max(0, ...all.map((delegation) => delegation.precedence));
}

function ids(all: readonly Delegation[]): string[] {
  return [...all].sort((a, b) => a.precedence - b.precedence).map((delegation) => delegation.id);
}

function parentProblemOf(problem: ParentProblem): Problem {
  const detail: Record<ParentProblem, string> = {
    'unknown-parent': 'The parent is not one of the mission’s delegations.',
    cycle: 'A delegation cannot lie within itself or within one of its own sub-delegations.',
    'too-deep': 'Delegations nest at most three deep (a delegation, its parts, their parts).',
  };
  return Problem.unprocessable('invalid-parent', 'Invalid parent delegation', detail[problem], { reason: problem });
}
