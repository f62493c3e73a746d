import type { Type } from '@nestjs/common';
import { ActionPlansController } from './action-plans/action-plans.controller.js';
import { CategoriesController } from './categories/categories.controller.js';
import { BroadcastsController } from './broadcasts/broadcasts.controller.js';
import { CheckInController } from './check-in/check-in.controller.js';
import { DelegationsController } from './delegations/delegations.controller.js';
import { DeliveriesController } from './deliveries/deliveries.controller.js';
import { LiveController } from './live/live.controller.js';
import { MatchmakingController } from './matchmaking/matchmaking.controller.js';
import { MissionsController } from './missions/missions.controller.js';
import { MousController } from './mous/mous.controller.js';
import { ProgrammeController } from './programme/programme.controller.js';
import { RegistrationsController } from './registrations/registrations.controller.js';
import { ReportController } from './report/report.controller.js';
import { SignInController } from './sign-in/sign-in.controller.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';

/** The console's frame and its pages: sign-in, missions; the mission's day (live, registrations, check-in, deliveries); its programme, matchmaking and MoUs; its webhooks. */
export const consoleControllers: Type[] = [
  SignInController,
  MissionsController,
  LiveController,
  RegistrationsController,
  DelegationsController,
  CategoriesController,
  CheckInController,
  DeliveriesController,
  BroadcastsController,
  ProgrammeController,
  MatchmakingController,
  MousController,
  ReportController,
  ActionPlansController,
  WebhooksController,
];
