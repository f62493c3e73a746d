import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ServiceApi } from '../kit/service-api.js';
import { messagesPage } from './messages.page.js';
import { participantOf, unavailable } from './participant-access.js';
import { ParticipantApi } from './participant-api.js';
import { participantPageOf, sendPage } from './participant-page.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** My messages: the organisers' broadcasts I received, to read again (notifications' feed). */
@Controller('p/:registrationId/messages')
export class MessagesPageController {
  private readonly api: ParticipantApi;

  constructor(@Inject(ServiceApi) services: ServiceApi) {
    this.api = new ParticipantApi(services);
  }

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const before = typeof request.query.before === 'string' && INSTANT.test(request.query.before) ? request.query.before : undefined;
    const feed = await this.api.broadcasts(participant.credential, participant.registration.missionId, registrationId, before);
    if (!feed.ok) return unavailable(response, p);
    sendPage(response, p, {
      title: p.t('messages.title'),
      registrationId,
      current: 'messages',
      body: messagesPage(p, { registrationId, feed: feed.body, timezone: participant.registration.timezone, paged: before !== undefined }),
    });
  }
}
