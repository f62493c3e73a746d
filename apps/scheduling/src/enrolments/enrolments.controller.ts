import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  Idempotent,
  UuidParamPipe,
  type Caller,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { enrolmentListQuery, enrolSchema, type Enrol, type EnrolmentListQuery } from './enrolment.schema.js';
import { enrolmentPage, enrolmentView } from './enrolment.view.js';
import { EnrolmentsService } from './enrolments.service.js';

const ORGANISER_OR_SELF = "The token is neither an organiser of this mission nor the participant's own";

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('missions/:id/sessions/:sessionId/enrolments')
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  /** A confirmed participant enrols with their own token; an organiser enrols anyone (`registrationId`). */
  @Post()
  @Access('organiser', 'participant')
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({
    description: 'The enrolment: a seat while there is one, else the end of the waitlist; announced as `enrolment.confirmed` or `enrolment.waitlisted`.',
    standardSchema: enrolmentView,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'An id is not a UUID, a field of the body or the Idempotency-Key is not valid, or an organiser names no `registrationId`; `errors` names each.',
  )
  @ApiAccessProblems(`${ORGANISER_OR_SELF}; or, for a participant, the session is for others only (another delegation, say).`)
  @ApiProblem(
    HttpStatus.NOT_FOUND,
    'not-found',
    'No session of this mission has this id; for a participant, a draft does not exist, nor a session by invitation only that does not concern them.',
  )
  @ApiProblem(HttpStatus.CONFLICT, 'session-cancelled', 'The session is cancelled.')
  @ApiProblem(HttpStatus.CONFLICT, 'session-not-released', 'The session is still a draft.')
  @ApiProblem(HttpStatus.CONFLICT, 'already-enrolled', 'The participant is enrolled or waitlisted already; the problem has `enrolmentId`.')
  @ApiProblem(HttpStatus.CONFLICT, 'schedule-conflict', "The session overlaps another of the participant's; the problem has `conflictsWith`.")
  @ApiProblem(
    HttpStatus.CONFLICT,
    'transfer-too-short',
    'The session before or after it is in another city, with less time between them than the transfer takes; the problem has `conflictsWith` and `transfer`.',
  )
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'not-a-confirmed-participant',
    'The registration is not a confirmed participant of this mission (unknown to scheduling, not confirmed, or erased).',
  )
  enrol(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Body({ schema: enrolSchema }) body: Enrol,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.enrolments.enrol(caller, missionId, sessionId, body?.registrationId, key);
  }

  @Get()
  @Access('organiser')
  @ApiOkResponse({
    description: "A page of the session's enrolments, in the order they arrived; waitlisted ones with their place in line.",
    standardSchema: enrolmentPage,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'An id is not a UUID, or a query parameter (a cursor of another list, say) is not valid; `errors` names each.',
  )
  @ApiAccessProblems('The token is not an organiser of this mission.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No session of this mission has this id.')
  list(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Query({ schema: enrolmentListQuery }) query: EnrolmentListQuery,
  ) {
    return this.enrolments.list(caller, missionId, sessionId, query);
  }

  /** Frees the seat for the first of the waitlist. */
  @Post(':enrolmentId/cancel')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description: 'The enrolment, cancelled (`enrolment.cancelled`); a seat it held has gone to the first of the waitlist.',
    standardSchema: enrolmentView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(`${ORGANISER_OR_SELF}.`)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No enrolment in this session has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'already-cancelled', 'The enrolment is cancelled already.')
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Param('enrolmentId', new UuidParamPipe()) enrolmentId: string,
  ) {
    return this.enrolments.cancel(caller, missionId, sessionId, enrolmentId);
  }
}
