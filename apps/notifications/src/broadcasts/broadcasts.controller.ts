import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  CurrentIdempotencyKey,
  Idempotent,
  UuidParamPipe,
  type Caller,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  broadcastSchema,
  feedQuery,
  previewQuery,
  previewSchema,
  type BroadcastInput,
  type FeedQuery,
  type PreviewInput,
  type PreviewQuery,
} from './broadcast.schema.js';
import { broadcastList, broadcastView, feedView, previewView } from './broadcast.view.js';
import { BroadcastsService } from './broadcasts.service.js';

const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';
const NO_SUCH_BROADCAST = 'The mission has no broadcast of this id.';
const INVALID =
  'An id is not a UUID, or a field of the body is not valid (no text in the default language, a meeting block that ends before it starts); `errors` names each.';

@ApiTags('broadcasts')
@Controller('missions/:id')
export class BroadcastsController {
  constructor(private readonly broadcasts: BroadcastsService) {}

  /** A broadcast to an audience of the mission, now or at `sendAt`; its audience is resolved when it goes. */
  @Post('broadcasts')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The broadcast, scheduled: it goes at `sendAt` (at once when absent or past).', standardSchema: broadcastView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', INVALID)
  @ApiAccessProblems(ORGANISERS_ONLY)
  create(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: broadcastSchema }) body: BroadcastInput,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.broadcasts.create(caller, missionId, body, key);
  }

  /** Who an audience names now, and in which language each would read the text: counts, and a page of names. */
  @Post('broadcasts/preview')
  @HttpCode(HttpStatus.OK)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description: 'How many it would reach now, per language, and a page (`offset`, `limit`) of who: names and languages, never addresses.',
    standardSchema: previewView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', INVALID)
  @ApiAccessProblems(ORGANISERS_ONLY)
  preview(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: previewSchema }) body: PreviewInput,
    @Query({ schema: previewQuery }) query: PreviewQuery,
  ) {
    return this.broadcasts.preview(caller, missionId, body, query);
  }

  @Get('broadcasts')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: "The mission's broadcasts, newest first (the latest 200), each with its delivery figures.", standardSchema: broadcastList })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.broadcasts.list(caller, missionId);
  }

  @Get('broadcasts/:broadcastId')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The broadcast and its delivery figures: queued, pending, sent, failed, bounced.', standardSchema: broadcastView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_BROADCAST)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('broadcastId', new UuidParamPipe()) broadcastId: string) {
    return this.broadcasts.get(caller, missionId, broadcastId);
  }

  /** Cancels a scheduled broadcast: it sends nothing. One that went cannot be called back. */
  @Post('broadcasts/:broadcastId/cancel')
  @HttpCode(HttpStatus.OK)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The broadcast, cancelled: nothing of it is sent.', standardSchema: broadcastView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_BROADCAST)
  @ApiProblem(HttpStatus.CONFLICT, 'broadcast-not-cancellable', 'The broadcast has gone already (or was cancelled before); `broadcastStatus` says which.')
  cancel(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('broadcastId', new UuidParamPipe()) broadcastId: string) {
    return this.broadcasts.cancel(caller, missionId, broadcastId);
  }

  /** The participant's feed: the broadcasts they received, to read again. */
  @Get('participants/:registrationId/broadcasts')
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  @ApiOkResponse({
    description: 'The broadcasts the participant received, newest first, each in the language it was sent to them in.',
    standardSchema: feedView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or `before` is not an instant.')
  @ApiAccessProblems('The token is neither an organiser of this mission nor this participant’s own.')
  feed(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Query({ schema: feedQuery }) query: FeedQuery,
  ) {
    return this.broadcasts.feed(caller, missionId, registrationId, query);
  }
}
