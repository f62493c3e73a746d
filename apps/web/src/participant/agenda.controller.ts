import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { agendaPage, type AgendaPageInput } from './agenda.page.js';
import { html } from './html.js';
import { crossSite, isUuid, participantOf, unavailable, type Participant } from './participant-access.js';
import { ParticipantApi, type ProblemAnswer } from './participant-api.js';
import { contextOf, notice, sendPage, type PageContext } from './participant-page.js';
import { isSameOrigin } from './participant-session.js';
import { formatSpan } from './participant-time.js';
import { refusalWords } from './refusal.js';

/** My agenda: the released programme with enrol and leave, and my sessions, as a calendar file too. */
@Controller('p/:registrationId')
export class AgendaPageController {
  constructor(@Inject(ParticipantApi) private readonly api: ParticipantApi) {}

  @Get('agenda')
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const input = await this.read(participant);
    if (!input) return unavailable(response, context);
    const title = (sessionId: unknown) => input.programme?.items.find((item) => item.sessionId === sessionId)?.title ?? '';
    const words = context.t.agenda;
    const { done, session, place } = request.query;
    const message =
      done === 'enrolled'
        ? words.enrolled(title(session))
        : done === 'waitlisted'
          ? words.waitlisted(title(session), Number(place) || null)
          : done === 'left'
            ? words.left(title(session))
            : null;
    sendPage(response, context, { title: words.title, registrationId, current: 'agenda', body: html`${notice(message)}${agendaPage(context, input)}` });
  }

  /** The form carries a key made when the page was shown: a second press of the same button is the same enrolment. */
  @Post('agenda/enrol')
  async enrol(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const sessionId = String(request.body?.sessionId ?? '');
    const key = isUuid(request.body?.key) ? request.body.key : randomUUID();
    const answer = isUuid(sessionId)
      ? await this.api.enrol(participant.token, participant.registration.missionId, sessionId, key)
      : ({ ok: false, status: 404, problem: { status: 404, type: 'not-found' } } as const);
    if (answer.ok) {
      const place = answer.body.waitlistPosition ? `&place=${answer.body.waitlistPosition}` : '';
      return response.redirect(
        303,
        `/p/${registrationId}/agenda?done=${answer.body.status === 'waitlisted' ? 'waitlisted' : 'enrolled'}&session=${sessionId}${place}`,
      );
    }
    await this.refused(response, context, participant, sessionId, answer.problem);
  }

  @Post('agenda/leave')
  async leave(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const { sessionId, enrolmentId } = request.body ?? {};
    const answer =
      isUuid(sessionId) && isUuid(enrolmentId)
        ? await this.api.leave(participant.token, participant.registration.missionId, sessionId, enrolmentId)
        : ({ ok: false, status: 404, problem: { status: 404, type: 'not-found' } } as const);
    if (answer.ok) return response.redirect(303, `/p/${registrationId}/agenda?done=left&session=${sessionId}`);
    await this.refused(response, context, participant, String(sessionId), answer.problem);
  }

  /** The agenda as an iCalendar file, for the participant's calendar app. */
  @Get('agenda.ics')
  async calendar(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const feed = await this.api.agendaCalendar(participant.token, participant.registration.missionId, registrationId);
    if (feed.status !== 200) return unavailable(response, context);
    response
      .set({ 'content-type': feed.contentType, 'content-disposition': 'attachment; filename="my-agenda.ics"', 'cache-control': 'no-store' })
      .send(feed.text);
  }

  private async refused(response: Response, context: PageContext, participant: Participant, sessionId: string, problem: ProblemAnswer) {
    if (problem.status >= 500) return unavailable(response, context);
    const input = await this.read(participant);
    if (!input) return unavailable(response, context);
    const { timezone } = participant.registration;
    const words = refusalWords(problem, context.t.refusal, (startsAt, endsAt) => formatSpan(startsAt, endsAt, timezone, context.locale));
    const title = input.programme?.items.find((item) => item.sessionId === sessionId)?.title;
    sendPage(response, context, {
      status: problem.status,
      title: context.t.agenda.title,
      registrationId: participant.registration.id,
      current: 'agenda',
      body: html`${notice(title ? `${title}: ${words}` : words, 'refused')}${agendaPage(context, { ...input, refusal: { sessionId, words } })}`,
    });
  }

  /** The programme for anyone, and the participant's part of it (none yet while scheduling has not heard of them). */
  private async read(participant: Participant): Promise<AgendaPageInput | null> {
    const { registration, token } = participant;
    const [programme, agenda] = await Promise.all([
      this.api.programme(registration.missionId),
      this.api.agenda(token, registration.missionId, registration.id),
    ]);
    // A registration that is not (or no longer) confirmed may be unknown to scheduling or refused there: it has no agenda, not a broken page.
    if (programme.status >= 500 || agenda.status >= 500) return null;
    return { registration, programme: programme.ok ? programme.body : null, agenda: agenda.ok ? agenda.body : null };
  }
}
