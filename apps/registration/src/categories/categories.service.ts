import { assertOrganiserOf, Problem, Transactions, type Caller, type UnitOfWork } from '#common';
import { HttpStatus, Injectable } from '@nestjs/common';
import { MissionsRepository } from '../missions/missions.repository.js';
import { SeatsService } from '../seats/seats.service.js';
import type { Category } from './category.js';
import { CategoriesRepository } from './categories.repository.js';
import type { CategoryInput } from './categories.schema.js';
import { toCategoryView, toFormCategoryView, type CategoryView, type FormCategoryView } from './categories.view.js';

/**
 * A mission's registration categories. A change takes the mission's settings row lock first, as
 * every change of a seat does, so a registration decides on the categories as they are.
 */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: CategoriesRepository,
    private readonly missions: MissionsRepository,
    private readonly seats: SeatsService,
  ) {}

  async list(caller: Caller, missionId: string): Promise<{ items: CategoryView[] }> {
    assertOrganiserOf(caller, missionId);
    const outside = this.transactions.outside;
    await this.settingsExist(outside, missionId);
    return { items: (await this.repository.list(outside, missionId)).map(toCategoryView) };
  }

  /** Creates or replaces the category; seats a larger capacity frees go to the waitlist at once. */
  async put(caller: Caller, missionId: string, code: string, input: CategoryInput): Promise<CategoryView> {
    assertOrganiserOf(caller, missionId);
    return this.transactions.run(async (unit) => {
      if (!(await this.seats.lock(unit, missionId))) await this.settingsExist(unit, missionId);
      const category = await this.repository.save(unit, missionId, code, input);
      const mission = (await this.missions.find(unit, missionId))!;
      await this.seats.fillFromWaitlist(unit, missionId, mission);
      return toCategoryView(category);
    });
  }

  /** Removes a category no registration names (one that does is refused: its registrations keep it). */
  async remove(caller: Caller, missionId: string, code: string): Promise<void> {
    assertOrganiserOf(caller, missionId);
    await this.transactions.run(async (unit) => {
      if (!(await this.seats.lock(unit, missionId))) await this.settingsExist(unit, missionId);
      const category = (await this.repository.list(unit, missionId)).find((candidate) => candidate.code === code);
      if (!category) throw new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Category not found', `Mission ${missionId} has no category ${code}.`);
      if (await this.repository.inUse(unit, category.id))
        throw Problem.conflict('category-in-use', 'The category has registrations', `Registrations name category ${code}: it cannot be removed.`);
      await this.repository.remove(unit, category.id);
    });
  }

  /** The public form's categories, in the caller's language. */
  async form(missionId: string, acceptLanguage: string | undefined, now = new Date()): Promise<{ items: FormCategoryView[] }> {
    const outside = this.transactions.outside;
    await this.settingsExist(outside, missionId);
    return { items: (await this.repository.list(outside, missionId)).map((category) => toFormCategoryView(category, acceptLanguage, now)) };
  }

  /** Every category of the mission, in form order (for the CSV's columns). */
  all(unit: UnitOfWork, missionId: string): Promise<Category[]> {
    return this.repository.list(unit, missionId);
  }

  private async settingsExist(unit: UnitOfWork, missionId: string): Promise<void> {
    if (await this.seats.find(unit, missionId)) return;
    if (!(await this.missions.exists(unit, missionId)))
      throw new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Mission not found', `Registration does not know mission ${missionId} (yet).`);
    throw new Problem(HttpStatus.NOT_FOUND, 'not-found', 'Registration settings not found', `Mission ${missionId} takes no registrations (no settings yet).`);
  }
}
