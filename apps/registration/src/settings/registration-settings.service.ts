import { assertOrganiserOf, Problem, type Caller } from '#common';
import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MissionEntity } from '../missions/mission.entity.js';
import { MissionSeats } from '../registrations/mission-seats.js';
import { RegistrationSettingsEntity } from './registration-settings.entity.js';
import type { RegistrationSettingsInput } from './registration-settings.schema.js';
import { toSettingsView, type RegistrationSettingsView } from './registration-settings.view.js';
import { toRegistrationFormView, type RegistrationFormView } from './registration-form.view.js';
import { RegistrationRules } from '../registrations/registration.rules.js';

@Injectable()
export class RegistrationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seats: MissionSeats,
  ) {}

  /** Sets how the mission takes registrations; seats that this frees go to the waitlist at once. */
  async put(caller: Caller, missionId: string, input: RegistrationSettingsInput): Promise<RegistrationSettingsView> {
    assertOrganiserOf(caller, missionId);
    const updatedBy = caller.kind === 'organiser' ? caller.subject : 'unknown';
    return this.dataSource.transaction(async (manager) => {
      const mission = await manager.findOneBy(MissionEntity, { id: missionId });
      if (!mission) throw unknownMission(missionId);
      // The upsert takes the row's lock, so it waits for registrations in flight and they for it.
      await manager.query(
        `INSERT INTO registration_settings (mission_id, capacity, opens_at, closes_at, approval, delegation_quotas, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (mission_id) DO UPDATE SET
           capacity = EXCLUDED.capacity, opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at, approval = EXCLUDED.approval,
           delegation_quotas = EXCLUDED.delegation_quotas, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [missionId, input.capacity, input.opensAt ?? null, input.closesAt ?? null, input.approval, JSON.stringify(input.delegationQuotas ?? {}), updatedBy],
      );
      await this.seats.fillFromWaitlist(manager, missionId, mission);
      return toSettingsView((await this.seats.lock(manager, missionId))!);
    });
  }

  async get(caller: Caller, missionId: string): Promise<RegistrationSettingsView> {
    assertOrganiserOf(caller, missionId);
    const settings = await this.dataSource.getRepository(RegistrationSettingsEntity).findOneBy({ missionId });
    if (settings) return toSettingsView(settings);
    const known = await this.dataSource.getRepository(MissionEntity).existsBy({ id: missionId });
    if (!known) throw unknownMission(missionId);
    throw new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Registration settings not found', `Mission ${missionId} has no registration settings yet.`);
  }

  /** What the public form needs, for anyone: the mission, whether it takes registrations now, its delegations. */
  async form(missionId: string, now = new Date()): Promise<RegistrationFormView> {
    const mission = await this.dataSource.getRepository(MissionEntity).findOneBy({ id: missionId });
    if (!mission) throw unknownMission(missionId);
    const settings = await this.dataSource.getRepository(RegistrationSettingsEntity).findOneBy({ missionId });
    if (!settings)
      throw new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Registration form not found', `Mission ${missionId} takes no registrations (no settings yet).`);
    return toRegistrationFormView(mission, settings, RegistrationRules.window(settings, now));
  }
}

function unknownMission(missionId: string): Problem {
  // Registration learns of a mission from scheduling's mission.created, a moment after it is created.
  return new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Mission not found', `Registration does not know mission ${missionId} (yet).`);
}
