import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  meetingListQuery,
  meetingOutcomeSchema,
  meetingRequestSchema,
  type MeetingListQuery,
  type MeetingOutcomeInput,
  type MeetingRequestInput,
} from './meeting.schema.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  /** A confirmed participant asks another for a meeting; an organiser proposes one (naming both), which the invitee answers. */
  @Post()
  @Access('organiser', 'participant')
  @Idempotent()
  request(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: meetingRequestSchema }) body: MeetingRequestInput,
  ) {
    return this.meetings.request(caller, missionId, body);
  }

  @Get()
  @Access('organiser', 'participant')
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Query({ schema: meetingListQuery }) query: MeetingListQuery) {
    return this.meetings.list(caller, missionId, query);
  }

  @Get(':meetingId')
  @Access('organiser', 'participant')
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.get(caller, missionId, meetingId);
  }

  @Post(':meetingId/accept')
  @HttpCode(200)
  @Access('organiser', 'participant')
  accept(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.answer(caller, missionId, meetingId, 'accept');
  }

  @Post(':meetingId/decline')
  @HttpCode(200)
  @Access('organiser', 'participant')
  decline(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.answer(caller, missionId, meetingId, 'decline');
  }

  /** Either party (or an organiser) calls the meeting off; a placed meeting's place is freed by the next run. */
  @Post(':meetingId/withdraw')
  @HttpCode(200)
  @Access('organiser', 'participant')
  withdraw(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.withdraw(caller, missionId, meetingId);
  }

  /** Organisers record whether a scheduled meeting was held or a no-show. */
  @Post(':meetingId/outcome')
  @HttpCode(200)
  @Access('organiser')
  outcome(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('meetingId', new UuidParamPipe()) meetingId: string,
    @Body({ schema: meetingOutcomeSchema }) body: MeetingOutcomeInput,
  ) {
    return this.meetings.recordOutcome(caller, missionId, meetingId, body.outcome);
  }
}
