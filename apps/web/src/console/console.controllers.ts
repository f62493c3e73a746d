import type { Type } from '@nestjs/common';
import { MatchmakingController } from './matchmaking/matchmaking.controller.js';
import { MissionsController } from './missions/missions.controller.js';
import { MousController } from './mous/mous.controller.js';
import { ProgrammeController } from './programme/programme.controller.js';
import { SignInController } from './sign-in/sign-in.controller.js';

/** The console's frame (sign-in, the organiser's missions) and its pages. */
export const consoleControllers: Type[] = [SignInController, MissionsController, ProgrammeController, MatchmakingController, MousController];
