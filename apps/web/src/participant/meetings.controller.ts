import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from './html.js';
import { meetingsPage, type MeetingsPageInput } from './meetings.page.js';
import { crossSite, isUuid, participantOf, unavailable, type Participant } from './participant-access.js';
import { ParticipantApi, type Profile } from './participant-api.js';
import { contextOf, notice, sendPage } from './participant-page.js';
import { isSameOrigin } from './participant-session.js';
import { formatSpan } from './participant-time.js';
import { refusalWords } from './refusal.js';

/** My meetings: requests to me (accept, decline) and mine, and the timetable the last matchmaking run made. */
@Controller('p/:registrationId/meetings')
export class MeetingsPageController {
  constructor(@Inject(ParticipantApi) private readonly api: ParticipantApi) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    const input = await this.read(participant);
    if (!input) return unavailable(response, context);
    const words = context.t.meetings;
    const message = request.query.done === 'accept' ? words.accepted : request.query.done === 'decline' ? words.declined : null;
    sendPage(response, context, { title: words.title, registrationId, current: 'meetings', body: html`${notice(message)}${meetingsPage(context, input)}` });
  }

  @Post(':meetingId/:answer')
  async answer(
    @Req() request: Request,
    @Res() response: Response,
    @Param('registrationId') registrationId: string,
    @Param('meetingId') meetingId: string,
    @Param('answer') answer: string,
  ) {
    if (!isSameOrigin(request)) return crossSite(response);
    const context = contextOf(request);
    const participant = await participantOf(this.api, request, response, context, registrationId);
    if (!participant) return;
    if ((answer !== 'accept' && answer !== 'decline') || !isUuid(meetingId)) return response.redirect(303, `/p/${registrationId}/meetings`);
    const answered = await this.api.answerMeeting(participant.token, participant.registration.missionId, meetingId, answer);
    if (answered.ok) return response.redirect(303, `/p/${registrationId}/meetings?done=${answer}`);
    if (answered.status >= 500) return unavailable(response, context);
    const input = await this.read(participant);
    if (!input) return unavailable(response, context);
    const { timezone } = participant.registration;
    const words = refusalWords(answered.problem, context.t.refusal, (startsAt, endsAt) => formatSpan(startsAt, endsAt, timezone, context.locale));
    sendPage(response, context, {
      status: answered.status,
      title: context.t.meetings.title,
      registrationId,
      current: 'meetings',
      body: html`${notice(words, 'refused')}${meetingsPage(context, { ...input, refusal: { meetingId, words } })}`,
    });
  }

  private async read(participant: Participant): Promise<MeetingsPageInput | null> {
    const { registration, token } = participant;
    const [meetings, timetable] = await Promise.all([
      this.api.meetings(token, registration.missionId),
      this.api.timetable(token, registration.missionId, registration.id),
    ]);
    if (meetings.status >= 500 || timetable.status >= 500) return null;
    const list = meetings.ok ? meetings.body : [];
    const others = new Set(list.flatMap((meeting) => [meeting.requesterId, meeting.inviteeId]));
    for (const item of timetable.ok ? timetable.body.items : []) others.add(item.counterpartId);
    others.delete(registration.id);
    // Only published profiles answer; whoever has none is "a participant".
    const profiles = new Map<string, Profile>();
    await Promise.all(
      [...others].map(async (other) => {
        const profile = await this.api.profile(token, registration.missionId, other);
        if (profile.ok) profiles.set(other, profile.body);
      }),
    );
    return { registration, meetings: list, timetable: timetable.ok ? timetable.body : null, profiles };
  }
}
