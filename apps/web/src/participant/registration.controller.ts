import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from '../kit/html.js';
import { ServiceApi } from '../kit/service-api.js';
import { crossSite, participantOf, unavailable, type Participant } from './participant-access.js';
import { ParticipantApi, type ProblemDetails } from './participant-api.js';
import { notice, participantPageOf, sendPage, type ParticipantPage } from './participant-page.js';
import { endSession, isSameOrigin } from './participant-session.js';
import { formatSpan } from './participant-time.js';
import { refusalWords } from './refusal.js';
import { changeOf, postedValues, valuesOf } from './registration-form.js';
import { confirmationPage, registrationPage } from './registration.page.js';

/** My registration: see it, change what the participant may, cancel it, erase my data. */
@Controller('p/:registrationId/registration')
export class RegistrationPageController {
  private readonly api: ParticipantApi;

  constructor(@Inject(ServiceApi) services: ServiceApi) {
    this.api = new ParticipantApi(services);
  }

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const { registration } = participant;
    const done = request.query.done;
    const message =
      done === 'saved'
        ? p.t('registration.saved')
        : done === 'unchanged'
          ? p.t('registration.nothingChanged')
          : done === 'cancelled'
            ? p.t('registration.cancelled')
            : null;
    sendPage(response, p, {
      title: p.t('registration.title'),
      registrationId,
      current: 'registration',
      body: html`${notice(message)}${registrationPage(p, registration, { values: valuesOf(registration), errors: {} })}`,
    });
  }

  /** The details form: only what changed is sent; a refused field is shown beside itself, with what was typed kept. */
  @Post()
  async update(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const { registration, credential } = participant;
    const posted = postedValues(request.body ?? {}, registration);
    const change = changeOf(posted, registration);
    if (Object.keys(change).length === 0) return response.redirect(303, `/p/${registrationId}/registration?done=unchanged`);
    const answer = await this.api.updateRegistration(credential, registrationId, change);
    if (answer.ok) return response.redirect(303, `/p/${registrationId}/registration?done=saved`);
    if (answer.status >= 500) return unavailable(response, p);
    const errors = answer.fieldErrors;
    const message = Object.keys(errors).length > 0 ? p.t('registration.fixErrors') : refusedMessage(p, answer.problem, registration.timezone);
    sendPage(response, p, {
      status: answer.status,
      title: p.t('registration.title'),
      registrationId,
      current: 'registration',
      body: html`${notice(message, 'refused')}${registrationPage(p, registration, { values: posted, errors })}`,
    });
  }

  @Get('cancel')
  async confirmCancel(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    if (!(await participantOf(this.api, request, response, p, registrationId))) return;
    sendPage(response, p, {
      title: p.t('registration.cancelConfirmTitle'),
      registrationId,
      current: 'registration',
      body: confirmationPage(p, registrationId, 'cancel'),
    });
  }

  @Post('cancel')
  async cancel(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const answer = await this.api.cancelRegistration(participant.credential, registrationId);
    if (answer.ok) return response.redirect(303, `/p/${registrationId}/registration?done=cancelled`);
    refused(response, p, participant, answer.problem);
  }

  @Get('erase')
  async confirmErase(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    if (!(await participantOf(this.api, request, response, p, registrationId))) return;
    sendPage(response, p, {
      title: p.t('registration.eraseConfirmTitle'),
      registrationId,
      current: 'registration',
      body: confirmationPage(p, registrationId, 'erase'),
    });
  }

  /** Erasure revokes the token, so the session ends with it. */
  @Post('erase')
  async erase(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const answer = await this.api.eraseRegistration(participant.credential, registrationId);
    if (!answer.ok) return refused(response, p, participant, answer.problem);
    endSession(request, response);
    sendPage(response, p, { title: p.t('registration.erasedTitle'), body: html`<p role="status">${p.t('registration.erasedDone')}</p>` });
  }
}

function refusedMessage(p: ParticipantPage, problem: ProblemDetails, timezone: string): string {
  return refusalWords(problem, p.t, (startsAt, endsAt) => formatSpan(startsAt, endsAt, timezone, p.page.locale));
}

function refused(response: Response, p: ParticipantPage, participant: Participant, problem: ProblemDetails): void {
  if (problem.status >= 500) return unavailable(response, p);
  const { registration } = participant;
  sendPage(response, p, {
    status: problem.status,
    title: p.t('registration.title'),
    registrationId: registration.id,
    current: 'registration',
    body: html`${notice(refusedMessage(p, problem, registration.timezone), 'refused')}${registrationPage(p, registration, {
      values: valuesOf(registration),
      errors: {},
    })}`,
  });
}
