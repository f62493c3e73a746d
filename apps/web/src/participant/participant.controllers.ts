import type { Type } from '@nestjs/common';
import { AgendaPageController } from './agenda.controller.js';
import { CheckInPageController } from './check-in.controller.js';
import { DelegationPageController } from './delegation.controller.js';
import { MeetingsPageController } from './meetings.controller.js';
import { MessagesPageController } from './messages.controller.js';
import { RegistrationPageController } from './registration.controller.js';
import { SignInController } from './sign-in.controller.js';

/** The participant's pages (`/p/…`) and the way in (`/p/sign-in`, `/m/:missionId/link`). */
export const participantControllers: Type[] = [
  SignInController,
  RegistrationPageController,
  AgendaPageController,
  MeetingsPageController,
  MessagesPageController,
  CheckInPageController,
  DelegationPageController,
];
