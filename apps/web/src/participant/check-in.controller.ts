import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { checkInPage } from './check-in.page.js';
import { participantOf } from './participant-access.js';
import { ParticipantApi } from './participant-api.js';
import { contextOf, sendPage } from './participant-page.js';

@Controller('p/:registrationId/check-in')
export class CheckInPageController {
  constructor(@Inject(ParticipantApi) private readonly api: ParticipantApi) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    sendPage(response, context, {
      title: context.t.checkIn.title,
      registrationId,
      current: 'check-in',
      body: await checkInPage(context, participant.registration),
    });
  }
}
