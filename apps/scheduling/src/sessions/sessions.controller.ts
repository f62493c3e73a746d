import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  Idempotent,
  pageQuery,
  UuidParamPipe,
  type Caller,
  type PageQuery,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { cancelSessionSchema, sessionChangeSchema, sessionSchema, type CancelSession, type SessionChange, type SessionInput } from './session.schema.js';
import { changedSessionView, sessionPage, sessionView } from './session.view.js';
import { acceptedLanguages } from '../programme/languages.js';
import { SessionsService } from './sessions.service.js';

const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';
const NO_SUCH_SESSION = 'No mission has this id, or no session of it has this one.';
const DOUBLE_BOOKED =
  'Another running session is in the same place (the venue, or the same room of it) at that time, and neither holds the other; the problem has `conflictsWith`.';
const OUTSIDE_PARENT = 'The session does not lie within the time of the session that holds it; the problem has `parent`.';
const PARENT_CANCELLED = 'The session named by `parentSessionId` is cancelled.';

@ApiTags('sessions')
@Controller('missions/:id/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /** A draft session: participants see it once a release publishes it. */
  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The session, a draft: nothing is announced until a release publishes it.', standardSchema: sessionView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    "The id is not a UUID, a field of the body or the Idempotency-Key is not valid or does not fit the others (a session that ends before it starts, a side event without `hostEvent`, say), `venueId` is not a venue of the mission, `roomId` not a room of it, `capacity` more than the room's, `route` names a city or venue that is not the mission's, or `parentSessionId` is not a session of the mission, is a transfer or would nest sessions more than 3 deep; `errors` names each.",
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No mission has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'venue-double-booked', DOUBLE_BOOKED)
  @ApiProblem(HttpStatus.CONFLICT, 'outside-parent', OUTSIDE_PARENT)
  @ApiProblem(HttpStatus.CONFLICT, 'session-cancelled', PARENT_CANCELLED)
  create(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: sessionSchema }) body: SessionInput,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.sessions.create(caller, missionId, body, key);
  }

  @Get()
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'A page of the sessions, drafts and cancelled ones included, in time order.', standardSchema: sessionPage })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, or a query parameter (a cursor of another list, say) is not valid; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No mission has this id.')
  list(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Query({ schema: pageQuery.strict() }) query: PageQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.sessions.list(caller, missionId, query, acceptedLanguages(acceptLanguage));
  }

  @Get(':sessionId')
  @ApiOkResponse({
    description: "The session. For anyone but the mission's organisers, a session by invitation lists no one invited, and speakers have no `registrationId`.",
    standardSchema: sessionView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiProblem(
    HttpStatus.NOT_FOUND,
    'not-found',
    "No mission has this id, or no session of it has this one; a draft exists for the mission's organisers only, and a session by invitation only for them and the participants it concerns.",
  )
  get(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.sessions.get(caller, missionId, sessionId, acceptedLanguages(acceptLanguage));
  }

  /** Any fields; once released, a new time or venue is announced at once (session.rescheduled). */
  @Patch(':sessionId')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      'The session as changed, with the participants the change puts in conflict (it is made all the same). A released session that moved is announced at once (`session.rescheduled`); seats it gained have gone to the waitlist.',
    standardSchema: changedSessionView,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    "An id is not a UUID, a field of the body is not valid or does not fit the session's other fields, `venueId` is not a venue of the mission, `roomId` not a room of it, `capacity` more than the room's, `route` names a city or venue that is not the mission's, or `parentSessionId` is not a session of the mission, is the session itself or one it holds, is a transfer or would nest sessions more than 3 deep; `errors` names each.",
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_SESSION)
  @ApiProblem(HttpStatus.CONFLICT, 'session-cancelled', 'The session, or the one named by `parentSessionId`, is cancelled.')
  @ApiProblem(HttpStatus.CONFLICT, 'capacity-below-enrolled', 'More participants hold a seat than the new capacity; the problem has `confirmed`.')
  @ApiProblem(HttpStatus.CONFLICT, 'venue-double-booked', DOUBLE_BOOKED)
  @ApiProblem(HttpStatus.CONFLICT, 'outside-parent', OUTSIDE_PARENT)
  @ApiProblem(
    HttpStatus.CONFLICT,
    'children-outside',
    'The new time would leave a session it holds outside it (a move of both ends by the same time takes them along); the problem has `children`.',
  )
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Body({ schema: sessionChangeSchema }) body: SessionChange,
  ) {
    return this.sessions.update(caller, missionId, sessionId, body);
  }

  @Post(':sessionId/cancel')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      'The session, cancelled, and every session it holds with it; a released one is announced (`session.cancelled`) to everyone it touches, a draft one is not.',
    standardSchema: sessionView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_SESSION)
  @ApiProblem(HttpStatus.CONFLICT, 'session-cancelled', 'The session is cancelled already.')
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Body({ schema: cancelSessionSchema }) body: CancelSession,
  ) {
    return this.sessions.cancel(caller, missionId, sessionId, body);
  }

  /** Drafts only: a released session is cancelled instead. */
  @Delete(':sessionId')
  @HttpCode(204)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The draft is deleted, and the drafts it holds with it.' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No session of this mission has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'session-released', 'The session was released: cancel it instead.')
  remove(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('sessionId', new UuidParamPipe()) sessionId: string) {
    return this.sessions.remove(caller, missionId, sessionId);
  }
}
