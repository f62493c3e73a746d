import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { html } from '../kit/html.js';
import { ServiceApi } from '../kit/service-api.js';
import { meetingsPage, type MeetingsPageInput } from './meetings.page.js';
import { crossSite, isUuid, participantOf, unavailable, type Participant } from './participant-access.js';
import { ParticipantApi, type Profile } from './participant-api.js';
import { notice, participantPageOf, sendPage } from './participant-page.js';
import { isSameOrigin } from './participant-session.js';
import { formatSpan } from './participant-time.js';
import { refusalWords } from './refusal.js';

/** My meetings: requests to me (accept, decline) and mine, and the timetable the last matchmaking run made. */
@Controller('p/:registrationId/meetings')
export class MeetingsPageController {
  private readonly api: ParticipantApi;

  constructor(@Inject(ServiceApi) services: ServiceApi) {
    this.api = new ParticipantApi(services);
  }

  @Get()
  async show(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const input = await this.read(participant, searchOf(request));
    if (!input) return unavailable(response, p);
    const done = request.query.done;
    const message = done === 'accept' ? p.t('meetings.accepted') : done === 'decline' ? p.t('meetings.declined') : null;
    sendPage(response, p, { title: p.t('meetings.title'), registrationId, current: 'meetings', body: html`${notice(message)}${meetingsPage(p, input)}` });
  }

  /** Hide from the directory and others' suggestions, or show again. */
  @Post('visibility')
  async visibility(@Req() request: Request, @Res() response: Response, @Param('registrationId') registrationId: string) {
    if (!isSameOrigin(request)) return crossSite(response);
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    const hidden = (request.body as Record<string, unknown> | undefined)?.hidden === 'true';
    const changed = await this.api.setHidden(participant.credential, participant.registration.missionId, registrationId, hidden);
    if (!changed.ok && changed.status >= 500) return unavailable(response, p);
    return response.redirect(303, `/p/${registrationId}/meetings#people-heading`);
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
    const p = participantPageOf(request, response);
    const participant = await participantOf(this.api, request, response, p, registrationId);
    if (!participant) return;
    if ((answer !== 'accept' && answer !== 'decline') || !isUuid(meetingId)) return response.redirect(303, `/p/${registrationId}/meetings`);
    const answered = await this.api.answerMeeting(participant.credential, participant.registration.missionId, meetingId, answer);
    if (answered.ok) return response.redirect(303, `/p/${registrationId}/meetings?done=${answer}`);
    if (answered.status >= 500) return unavailable(response, p);
    const input = await this.read(participant);
    if (!input) return unavailable(response, p);
    const { timezone } = participant.registration;
    const words = refusalWords(answered.problem, p.t, (startsAt, endsAt) => formatSpan(startsAt, endsAt, timezone, p.page.locale));
    sendPage(response, p, {
      status: answered.status,
      title: p.t('meetings.title'),
      registrationId,
      current: 'meetings',
      body: html`${notice(words, 'refused')}${meetingsPage(p, { ...input, refusal: { meetingId, words } })}`,
    });
  }

  private async read(participant: Participant, search: { q?: string; cursor?: string } = {}): Promise<MeetingsPageInput | null> {
    const { registration, credential } = participant;
    const [meetings, timetable, people, suggestions] = await Promise.all([
      this.api.meetings(credential, registration.missionId),
      this.api.timetable(credential, registration.missionId, registration.id),
      this.api.people(credential, registration.missionId, search),
      this.api.suggestions(credential, registration.missionId),
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
        const profile = await this.api.profile(credential, registration.missionId, other);
        if (profile.ok) profiles.set(other, profile.body);
      }),
    );
    return {
      registration,
      meetings: list,
      timetable: timetable.ok ? timetable.body : null,
      profiles,
      // Only confirmed participants see the directory and suggestions; to anyone else they are simply not shown.
      people: people.ok ? { ...people.body, q: search.q ?? '' } : null,
      suggestions: suggestions.ok ? suggestions.body.items : null,
    };
  }
}

/** The directory's search and page from the query string, when valid (anything else shows the first page, unfiltered). */
function searchOf(request: Request): { q?: string; cursor?: string } {
  const q = typeof request.query.q === 'string' ? request.query.q.trim() : '';
  const cursor = typeof request.query.cursor === 'string' ? request.query.cursor : '';
  return { ...(q.length >= 2 && q.length <= 100 ? { q } : {}), ...(cursor && cursor.length <= 200 ? { cursor } : {}) };
}
