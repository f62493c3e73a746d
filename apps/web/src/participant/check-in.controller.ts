import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ServiceApi } from '../kit/service-api.js';
import { checkInPage } from './check-in.page.js';
import { participantOf } from './participant-access.js';
import { ParticipantApi } from './participant-api.js';
import { participantPageOf, sendPage } from './participant-page.js';

/** The check-in code, to scan or to type. */
@Controller('p/:registrationId/check-in')
export class CheckInPageController {
  private readonly api: ParticipantApi;

  constructor(@Inject(ServiceApi) services: ServiceApi) {
    this.api = new ParticipantApi(services);
  }

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    sendPage(response, p, { title: p.t('checkIn.title'), registrationId, current: 'check-in', body: await checkInPage(p, participant.registration) });
  }
}
