import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from './html.js';
import { crossSite, participantOf, unavailable } from './participant-access.js';
import { ParticipantApi, type ProblemAnswer } from './participant-api.js';
import { contextOf, notice, sendPage, type PageContext } from './participant-page.js';
import { endSession, isSameOrigin } from './participant-session.js';
import { changeOf, postedValues, valuesOf } from './registration-form.js';
import { confirmationPage, registrationPage } from './registration.page.js';
import { refusalWords } from './refusal.js';
import { formatSpan } from './participant-time.js';

type Done = 'saved' | 'unchanged' | 'cancelled';

/** My registration: see it, change what the participant may, cancel it, erase my data. */
@Controller('p/:registrationId/registration')
export class RegistrationPageController {
  constructor(@Inject(ParticipantApi) private readonly api: ParticipantApi) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const { registration } = participant;
    const done = doneOf(request.query.done);
    const words = context.t.registration;
    const message = done === 'saved' ? words.saved : done === 'unchanged' ? words.nothingChanged : done === 'cancelled' ? words.cancelled : null;
    sendPage(response, context, {
      title: words.title,
      registrationId,
      current: 'registration',
      body: html`${notice(message)}${registrationPage(context, registration, { values: valuesOf(registration), errors: new Map() })}`,
    });
  }

  /** The details form: only what changed is sent; a refused field is shown beside itself, with what was typed kept. */
  @Post()
  async update(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const { registration, token } = participant;
    const posted = postedValues(request.body ?? {}, registration);
    const change = changeOf(posted, registration);
    if (Object.keys(change).length === 0) return response.redirect(303, `/p/${registrationId}/registration?done=unchanged`);
    const answer = await this.api.updateRegistration(token, registrationId, change);
    if (answer.ok) return response.redirect(303, `/p/${registrationId}/registration?done=saved`);
    if (answer.status >= 500) return unavailable(response, context);
    const words = context.t.registration;
    const errors = new Map((answer.problem.errors ?? []).map((error) => [error.field, error.message]));
    const message = errors.size > 0 ? words.fixErrors : words.conflict + refusalOf(context, answer.problem, registration.timezone);
    sendPage(response, context, {
      status: answer.status,
      title: words.title,
      registrationId,
      current: 'registration',
      body: html`${notice(message, 'refused')}${registrationPage(context, registration, { values: posted, errors })}`,
    });
  }

  @Get('cancel')
  async confirmCancel(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const context = contextOf(request);
    if (!(await participantOf(this.api, request, response, context, registrationId))) return;
    sendPage(response, context, {
      title: context.t.registration.cancelConfirmTitle,
      registrationId,
      current: 'registration',
      body: confirmationPage(context, registrationId, 'cancel'),
    });
  }

  @Post('cancel')
  async cancel(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const answer = await this.api.cancelRegistration(participant.token, registrationId);
    if (answer.ok) return response.redirect(303, `/p/${registrationId}/registration?done=cancelled`);
    this.refused(response, context, participant.registration, answer.problem);
  }

  @Get('erase')
  async confirmErase(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const context = contextOf(request);
    if (!(await participantOf(this.api, request, response, context, registrationId))) return;
    sendPage(response, context, {
      title: context.t.registration.eraseConfirmTitle,
      registrationId,
      current: 'registration',
      body: confirmationPage(context, registrationId, 'erase'),
    });
  }

  /** Erasure revokes the token, so the session ends with it. */
  @Post('erase')
  async erase(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const answer = await this.api.eraseRegistration(participant.token, registrationId);
    if (!answer.ok) return this.refused(response, context, participant.registration, answer.problem);
    endSession(request, response);
    const words = context.t.registration;
    sendPage(response, context, { title: words.erasedTitle, body: html`<p role="status">${words.erasedDone}</p>` });
  }

  private refused(response: Response, context: PageContext, registration: Parameters<typeof valuesOf>[0], problem: ProblemAnswer) {
    if (problem.status >= 500) return unavailable(response, context);
    const words = context.t.registration;
    sendPage(response, context, {
      status: problem.status,
      title: words.title,
      registrationId: registration.id,
      current: 'registration',
      body: html`${notice(words.conflict + refusalOf(context, problem, registration.timezone), 'refused')}${registrationPage(context, registration, {
        values: valuesOf(registration),
        errors: new Map(),
      })}`,
    });
  }
}

function refusalOf(context: PageContext, problem: ProblemAnswer, timezone: string): string {
  return refusalWords(problem, context.t.refusal, (startsAt, endsAt) => formatSpan(startsAt, endsAt, timezone, context.locale));
}

function doneOf(value: unknown): Done | null {
  return value === 'saved' || value === 'unchanged' || value === 'cancelled' ? value : null;
}
