import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from '../kit/html.js';
import { translator } from '../kit/messages.js';
import { ServiceApi, type ApiAnswer } from '../kit/service-api.js';
import { delegationMessages } from './delegation.messages.js';
import { delegationPage, type DelegationMember, type HeadedDelegation } from './delegation.page.js';
import { crossSite, isUuid, participantOf, unavailable, type Participant } from './participant-access.js';
import { ParticipantApi } from './participant-api.js';
import { notice, participantPageOf, sendPage } from './participant-page.js';
import { isSameOrigin } from './participant-session.js';

/**
 * The head of delegation's page (`/p/:registrationId/delegation`): their own participant session
 * opens what registration lets their token see (DESIGN.md, "Delegations"); nobody else's delegation.
 */
@Controller('p/:registrationId/delegation')
export class DelegationPageController {
  private readonly participants: ParticipantApi;

  constructor(@Inject(ServiceApi) private readonly api: ServiceApi) {
    this.participants = new ParticipantApi(api);
  }

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.participants, request, response, p, registrationId);
    if (!participant) return;
    const done = request.query.done === '1' ? translator(delegationMessages, p.page.language)('done') : null;
    await this.render(request, response, participant, done ? html`${notice(done)}` : html``);
  }

  @Post(':delegationId/members/:memberId/:change')
  async change(
    @Req() request: Request,
    @Res() response: Response,
    @Param('registrationId') registrationId: string,
    @Param('delegationId') delegationId: string,
    @Param('memberId') memberId: string,
    @Param('change') change: string,
    @Body() body: Record<string, unknown>,
  ) {
    if (!isSameOrigin(request)) return crossSite(response);
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.participants, request, response, p, registrationId);
    if (!participant) return;
    if (!isUuid(delegationId) || !isUuid(memberId) || (change !== 'role' && change !== 'remove'))
      return response.redirect(303, `/p/${registrationId}/delegation`);
    const path = `/api/delegations/${delegationId}/members/${memberId}`;
    const role = typeof body?.role === 'string' && body.role.trim() ? body.role.trim() : null;
    const answer: ApiAnswer<unknown> =
      change === 'role'
        ? await this.api.call('registration', path, { method: 'PATCH', body: { role }, credential: participant.credential })
        : await this.api.call('registration', path, { method: 'DELETE', credential: participant.credential });
    if (answer.ok) return response.redirect(303, `/p/${registrationId}/delegation?done=1`);
    if (answer.status >= 500) return unavailable(response, p);
    const t = translator(delegationMessages, p.page.language);
    await this.render(
      request,
      response,
      participant,
      notice(t('refused', { detail: answer.problem.detail ?? answer.problem.title }), 'refused'),
      answer.status,
    );
  }

  private async render(request: Request, response: Response, participant: Participant, before: ReturnType<typeof html>, status = 200) {
    const p = participantPageOf(request, response);
    const credential = participant.credential;
    const headed = await this.api.call<{ items: HeadedDelegation[] }>('registration', '/api/delegations/headed', {
      credential,
      headers: { 'accept-language': p.page.locale },
    });
    if (!headed.ok) return unavailable(response, p);
    const names = new Set(headed.body.items.map((delegation) => delegation.id));
    const tops = headed.body.items.filter((delegation) => !delegation.parentId || !names.has(delegation.parentId));
    const members = new Map<string, DelegationMember[]>();
    for (const delegation of tops) {
      const answer = await this.api.call<{ items: DelegationMember[] }>('registration', `/api/delegations/${delegation.id}/members`, { credential });
      if (!answer.ok) return unavailable(response, p);
      members.set(delegation.id, answer.body.items);
    }
    const origin = `${request.protocol}://${request.get('host') ?? ''}`;
    const t = translator(delegationMessages, p.page.language);
    sendPage(response, p, {
      status,
      title: t('title'),
      registrationId: participant.registration.id,
      body: html`${before}${delegationPage(p, participant.registration.id, headed.body.items, members, origin)}`,
    });
  }
}
