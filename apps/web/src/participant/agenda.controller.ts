import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { html } from '../kit/html.js';
import { ServiceApi } from '../kit/service-api.js';
import { agendaPage, type AgendaPageInput } from './agenda.page.js';
import { crossSite, isUuid, participantOf, unavailable, type Participant } from './participant-access.js';
import { ParticipantApi, type ProblemDetails } from './participant-api.js';
import { notice, participantPageOf, sendPage, type ParticipantPage } from './participant-page.js';
import { isSameOrigin } from './participant-session.js';
import { formatSpan } from './participant-time.js';
import { refusalWords } from './refusal.js';

const NOT_FOUND: ProblemDetails = { type: 'https://mission-hub.dev/problems/not-found', title: 'Not found', status: 404 };

/** My agenda: the released programme with enrol and leave, and my sessions, as a calendar file too. */
@Controller('p/:registrationId')
export class AgendaPageController {
  private readonly api: ParticipantApi;

  constructor(@Inject(ServiceApi) services: ServiceApi) {
    this.api = new ParticipantApi(services);
  }

  @Get('agenda')
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const input = await this.read(participant, p.page.language);
    if (!input) return unavailable(response, p);
    const title = input.programme?.items.find((item) => item.sessionId === request.query.session)?.title ?? '';
    const { done, place } = request.query;
    const message =
      done === 'enrolled'
        ? p.t('agenda.enrolled', { title })
        : done === 'waitlisted'
          ? p.t('agenda.waitlisted', { title, place: Number(place) || '?' })
          : done === 'left'
            ? p.t('agenda.left', { title })
            : null;
    sendPage(response, p, { title: p.t('agenda.title'), registrationId, current: 'agenda', body: html`${notice(message)}${agendaPage(p, input)}` });
  }

  /** The form carries a key made when the page was shown: a second press of the same button is the same enrolment. */
  @Post('agenda/enrol')
  async enrol(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const sessionId: unknown = request.body?.sessionId;
    const key: string = isUuid(request.body?.key) ? request.body.key : randomUUID();
    if (!isUuid(sessionId)) return this.refused(response, p, participant, '', NOT_FOUND);
    const answer = await this.api.enrol(participant.credential, participant.registration.missionId, sessionId, key);
    if (!answer.ok) return this.refused(response, p, participant, sessionId, answer.problem);
    const { status, waitlistPosition } = answer.body;
    const done = status === 'waitlisted' ? `waitlisted&place=${waitlistPosition ?? ''}` : 'enrolled';
    response.redirect(303, `/p/${registrationId}/agenda?done=${done}&session=${sessionId}`);
  }

  @Post('agenda/leave')
  async leave(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const { sessionId, enrolmentId } = (request.body ?? {}) as Record<string, unknown>;
    if (!isUuid(sessionId) || !isUuid(enrolmentId)) return this.refused(response, p, participant, '', NOT_FOUND);
    const answer = await this.api.leave(participant.credential, participant.registration.missionId, sessionId, enrolmentId);
    if (!answer.ok) return this.refused(response, p, participant, sessionId, answer.problem);
    response.redirect(303, `/p/${registrationId}/agenda?done=left&session=${sessionId}`);
  }

  /** The agenda as an iCalendar file, for the participant's calendar application. */
  @Get('agenda.ics')
  async calendar(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const feed = await this.api.agendaCalendar(participant.credential, participant.registration.missionId, registrationId);
    if (!feed.ok) return unavailable(response, p);
    response
      .set({ 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="my-agenda.ics"', 'cache-control': 'no-store' })
      .send(feed.body);
  }

  private async refused(response: Response, p: ParticipantPage, participant: Participant, sessionId: string, problem: ProblemDetails) {
    if (problem.status >= 500) return unavailable(response, p);
    const input = await this.read(participant, p.page.language);
    if (!input) return unavailable(response, p);
    const { timezone } = participant.registration;
    const words = refusalWords(problem, p.t, (startsAt, endsAt) => formatSpan(startsAt, endsAt, timezone, p.page.locale));
    const title = input.programme?.items.find((item) => item.sessionId === sessionId)?.title;
    sendPage(response, p, {
      status: problem.status,
      title: p.t('agenda.title'),
      registrationId: participant.registration.id,
      current: 'agenda',
      body: html`${notice(title ? p.t('agenda.refusedSession', { title, reason: words }) : words, 'refused')}
      ${agendaPage(p, { ...input, refusal: { sessionId, words } })}`,
    });
  }

  /** The programme for anyone, and the participant's part of it (none while scheduling has not heard of them, or refuses them: not confirmed). */
  private async read(participant: Participant, language: string): Promise<AgendaPageInput | null> {
    const { registration, credential } = participant;
    const [programme, agenda] = await Promise.all([
      this.api.programme(registration.missionId, language),
      this.api.agenda(credential, registration.missionId, registration.id, language),
    ]);
    if (programme.status >= 500 || agenda.status >= 500) return null;
    return { registration, programme: programme.ok ? programme.body : null, agenda: agenda.ok ? agenda.body : null };
  }
}
