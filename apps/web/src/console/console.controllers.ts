import type { Type } from '@nestjs/common';
import { CheckInController } from './check-in/check-in.controller.js';
import { DeliveriesController } from './deliveries/deliveries.controller.js';
import { LiveController } from './live/live.controller.js';
import { MissionsController } from './missions/missions.controller.js';
import { RegistrationsController } from './registrations/registrations.controller.js';
import { SignInController } from './sign-in/sign-in.controller.js';

/** The console's frame and its pages of the mission's day: sign-in, missions, live, registrations, check-in, deliveries. */
export const consoleControllers: Type[] = [
  SignInController,
  MissionsController,
  LiveController,
  RegistrationsController,
  CheckInController,
  DeliveriesController,
];
