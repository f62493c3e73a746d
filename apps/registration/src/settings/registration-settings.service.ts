import { assertOrganiserOf, Problem, Transactions, type Caller } from '#common';
import { HttpStatus, Injectable } from '@nestjs/common';
import { DelegationsService } from '../delegations/delegations.service.js';
import { MissionsRepository } from '../missions/missions.repository.js';
import { SeatRules } from '../seats/seats.rules.js';
import { SeatsService } from '../seats/seats.service.js';
import { RegistrationSettingsRepository } from './registration-settings.repository.js';
import type { RegistrationSettingsInput } from './registration-settings.schema.js';
import { toSettingsView, type RegistrationSettingsView } from './registration-settings.view.js';
import { toRegistrationFormView, type RegistrationFormView } from './registration-form.view.js';

@Injectable()
export class RegistrationSettingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: RegistrationSettingsRepository,
    private readonly missions: MissionsRepository,
    private readonly seats: SeatsService,
    private readonly delegations: DelegationsService,
  ) {}

  /** Sets how the mission takes registrations; seats that this frees go to the waitlist at once. */
  async put(caller: Caller, missionId: string, input: RegistrationSettingsInput): Promise<RegistrationSettingsView> {
    assertOrganiserOf(caller, missionId);
    const updatedBy = caller.kind === 'organiser' ? caller.subject : 'unknown';
    return this.transactions.run(async (unit) => {
      const mission = await this.missions.find(unit, missionId);
      if (!mission) throw unknownMission(missionId);
      await this.repository.save(unit, missionId, input, updatedBy);
      // Deprecated: quotas are the delegations' now; the map still sets them by name (DESIGN.md, "Delegations").
      if (input.delegationQuotas !== undefined) await this.delegations.applyQuotas(unit, missionId, input.delegationQuotas);
      await this.seats.fillFromWaitlist(unit, missionId, mission);
      return toSettingsView((await this.seats.lock(unit, missionId))!);
    });
  }

  async get(caller: Caller, missionId: string): Promise<RegistrationSettingsView> {
    assertOrganiserOf(caller, missionId);
    const outside = this.transactions.outside;
    const settings = await this.seats.find(outside, missionId);
    if (settings) return toSettingsView(settings);
    if (!(await this.missions.exists(outside, missionId))) throw unknownMission(missionId);
    throw new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Registration settings not found', `Mission ${missionId} has no registration settings yet.`);
  }

  /** What the public form needs, for anyone: the mission, whether it takes registrations now, its delegations. */
  async form(missionId: string, now = new Date(), language?: string): Promise<RegistrationFormView> {
    const outside = this.transactions.outside;
    const mission = await this.missions.find(outside, missionId);
    if (!mission) throw unknownMission(missionId);
    const settings = await this.seats.find(outside, missionId);
    if (!settings)
      throw new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Registration form not found', `Mission ${missionId} takes no registrations (no settings yet).`);
    return toRegistrationFormView(mission, settings, SeatRules.window(settings, now), language);
  }
}

function unknownMission(missionId: string): Problem {
  // Registration learns of a mission from scheduling's mission.created, a moment after it is created.
  return new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Mission not found', `Registration does not know mission ${missionId} (yet).`);
}
