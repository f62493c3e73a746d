import { Module } from '@nestjs/common';
import { MissionsModule } from '../missions/missions.module.js';
import { SeatsModule } from '../seats/seats.module.js';
import { CategoriesController } from './categories.controller.js';
import { CategoriesRepository } from './categories.repository.js';
import { CategoriesService } from './categories.service.js';

/** A mission's registration categories; registrations read them to decide a form (see DESIGN.md, "Registration categories"). */
@Module({
  imports: [SeatsModule, MissionsModule],
  controllers: [CategoriesController],
  providers: [CategoriesService, CategoriesRepository],
  exports: [CategoriesService, CategoriesRepository],
})
export class CategoriesModule {}
