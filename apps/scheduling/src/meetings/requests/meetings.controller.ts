import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  type Caller,
  CurrentCaller,
  Idempotent,
  RateLimit,
  UuidParamPipe,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  meetingListQuery,
  meetingOutcomeSchema,
  meetingRequestSchema,
  type MeetingListQuery,
  type MeetingOutcomeInput,
  type MeetingRequestInput,
} from './meeting.schema.js';
import { meetingPage, meetingView } from './meeting.view.js';
import { MeetingsService } from './meetings.service.js';

const IDS_NOT_UUIDS = 'The id or the meetingId is not a UUID.';
const INVITEE_ANSWERS = "The token is the requester's: only the invitee (or an organiser of the mission) answers a request.";
const NO_SUCH_MEETING = 'No meeting of this mission has this id, or the token is neither one of its two participants nor an organiser of the mission.';

/**
 * The auth guard's answer to a call without a valid token, for the calls on one meeting that both
 * kinds of token may make: a meeting the caller may not see is a 404, never a 403. (`ApiAccessProblems`
 * of '#common' always adds a 403, and there is no helper for the 401 alone: this is it, locally.)
 */
const ApiTokenProblem = () => ApiProblem(HttpStatus.UNAUTHORIZED, 'unauthorized', 'No bearer token, or one that is not valid (or has expired).');

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  /** A confirmed participant asks another for a meeting; an organiser proposes one (naming both), which the invitee answers. */
  @Post()
  @Access('organiser', 'participant')
  @RateLimit('meeting-request-per-participant', 'participant')
  @ApiProblem(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    'The participant asked for too many meetings in the window (withdrawn ones count); `Retry-After` says when to try again.',
  )
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The meeting, `requested`: the invitee answers it; `meeting.requested` announces it.', standardSchema: meetingView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, a field of the body or the Idempotency-Key is not valid, an organiser names no `requesterId`, or the two are one; `errors` names each.',
  )
  @ApiAccessProblems('The token is neither an organiser nor a participant of this mission, or a participant names someone else as `requesterId`.')
  @ApiProblem(
    HttpStatus.CONFLICT,
    'meeting-already-requested',
    'The two have a meeting requested or accepted already, whoever asked; the problem has its `meetingId` (unless both asked at the same moment).',
  )
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'not-a-confirmed-participant',
    'The requester or the invitee is not (or no longer) a confirmed participant of this mission; the detail names which.',
  )
  request(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: meetingRequestSchema }) body: MeetingRequestInput,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.meetings.request(caller, missionId, body, key);
  }

  @Get()
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description:
      "A page of the mission's meetings, in the order they were requested: a participant's own (asked or invited); for organisers all of them, or one participant's (`registrationId`).",
    standardSchema: meetingPage,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, or a query parameter (a cursor of another list, say) is not valid; `errors` names each.',
  )
  @ApiAccessProblems("The token is neither an organiser nor a participant of this mission, or a participant asks for another's meetings.")
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Query({ schema: meetingListQuery }) query: MeetingListQuery) {
    return this.meetings.list(caller, missionId, query);
  }

  @Get(':meetingId')
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: 'The meeting.', standardSchema: meetingView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', IDS_NOT_UUIDS)
  @ApiTokenProblem()
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MEETING)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.get(caller, missionId, meetingId);
  }

  @Post(':meetingId/accept')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: 'The meeting, `accepted`; `meeting.accepted` announces it, and the next run gives it a place.', standardSchema: meetingView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', IDS_NOT_UUIDS)
  @ApiAccessProblems(INVITEE_ANSWERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MEETING)
  @ApiProblem(HttpStatus.CONFLICT, 'already-answered', 'The meeting is not `requested` any more: it was answered or called off.')
  accept(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.answer(caller, missionId, meetingId, 'accept');
  }

  @Post(':meetingId/decline')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: 'The meeting, `declined`; `meeting.declined` announces it.', standardSchema: meetingView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', IDS_NOT_UUIDS)
  @ApiAccessProblems(INVITEE_ANSWERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MEETING)
  @ApiProblem(HttpStatus.CONFLICT, 'already-answered', 'The meeting is not `requested` any more: it was answered or called off.')
  decline(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.answer(caller, missionId, meetingId, 'decline');
  }

  /** Either party (or an organiser) calls the meeting off; a placed meeting's place is freed by the next run. */
  @Post(':meetingId/withdraw')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description:
      'The meeting, `cancelled`. `meeting.cancelled` announces it now; for a meeting with a place, the next run does, as it frees the place and tells both.',
    standardSchema: meetingView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', IDS_NOT_UUIDS)
  @ApiTokenProblem()
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MEETING)
  @ApiProblem(HttpStatus.CONFLICT, 'meeting-closed', 'The meeting is declined or cancelled already.')
  withdraw(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('meetingId', new UuidParamPipe()) meetingId: string) {
    return this.meetings.withdraw(caller, missionId, meetingId);
  }

  /** Organisers record whether a scheduled meeting was held or a no-show, with notes and the MoU it led to. */
  @Post(':meetingId/outcome')
  @HttpCode(200)
  @Access('organiser')
  @ApiOkResponse({
    description:
      'The meeting with its outcome, notes and the MoU it led to; its place is announced again (`meeting.scheduled`, with the outcome) and `meeting.outcome_recorded` tells the MoU registry. Recording again corrects it.',
    standardSchema: meetingView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the meetingId is not a UUID, or the body is not valid; `errors` names each.')
  @ApiAccessProblems('The token is not an organiser of this mission.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No meeting of this mission has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'meeting-not-scheduled', 'The meeting has no place: no run has placed it yet, or it is no longer accepted.')
  outcome(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('meetingId', new UuidParamPipe()) meetingId: string,
    @Body({ schema: meetingOutcomeSchema }) body: MeetingOutcomeInput,
  ) {
    return this.meetings.recordOutcome(caller, missionId, meetingId, body);
  }
}
