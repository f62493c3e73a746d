import { Module } from '@nestjs/common';
import { AgendaPageController } from './agenda.controller.js';
import { CheckInPageController } from './check-in.controller.js';
import { MeetingsPageController } from './meetings.controller.js';
import { ParticipantApi } from './participant-api.js';
import { RegistrationPageController } from './registration.controller.js';
import { SignInController } from './sign-in.controller.js';

/** The participant's own pages (`/p/…`) and the way in (`/p/sign-in`, `/m/:missionId/link`). */
@Module({
  controllers: [SignInController, RegistrationPageController, AgendaPageController, MeetingsPageController, CheckInPageController],
  providers: [
    {
      provide: ParticipantApi,
      useFactory: () =>
        new ParticipantApi({
          registration: process.env.REGISTRATION_URL ?? 'http://127.0.0.1:3001',
          scheduling: process.env.SCHEDULING_URL ?? 'http://127.0.0.1:3002',
        }),
    },
  ],
})
export class ParticipantModule {}
