import { Access, ApiAccessProblems, ApiProblem, assertOrganiserOf, CurrentCaller, Problem, TokenInQuery, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, Headers, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { StreamService } from './stream.service.js';
import { resumePosition, SSE_PREAMBLE } from './sse.js';
import { MAX_STREAMS_PER_ORGANISER, StreamQuota } from './stream-quota.rules.js';

@ApiTags('dashboard')
@Controller('missions')
export class StreamController {
  /** Per instance: behind N instances an organiser may hold N times as many. */
  private readonly quota = new StreamQuota();

  constructor(private readonly hub: StreamService) {}

  /**
   * The mission's CloudEvents as server-sent events: `id` is the event's position in the mission's
   * log, `event` its type, `data` the CloudEvent. Without `Last-Event-ID` the whole log is replayed
   * first; with it, what came after. A comment line every 15 s keeps idle connections open. The
   * stream ends when the token expires: EventSource then reconnects, and needs a valid one.
   */
  @Get(':id/stream')
  @Access('organiser')
  @TokenInQuery()
  @ApiBearerAuth()
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position (EventSource sends it on reconnecting).' })
  @ApiQuery({ name: 'access_token', required: false, description: 'The organiser token, for EventSource, which cannot send headers.' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Same as the Last-Event-ID header.' })
  @ApiOkResponse({
    description:
      "Server-sent events, until the token expires (or the client falls far behind; EventSource then reconnects with `Last-Event-ID`). First `retry: 2000`; then one message per CloudEvent of the mission, in the log's order: `id` its position (resume with `Last-Event-ID`), `event` its type, `data` the CloudEvent as JSON. Without `Last-Event-ID` the whole log comes first, then what happens; a comment line every 15 s keeps an idle stream open.",
    schema: { type: 'string' },
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or `Last-Event-ID` (`lastEventId`) is not a position this stream sent.')
  @ApiAccessProblems('The token is not an organiser of this mission.')
  @ApiProblem(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    `The organiser already holds ${MAX_STREAMS_PER_ORGANISER} open streams; close one (\`Retry-After\`).`,
  )
  stream(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    assertOrganiserOf(caller, missionId);
    const position = resumePosition(lastEventId ?? lastEventIdQuery);
    if (position === undefined) throw Problem.validation([{ field: 'Last-Event-ID', message: 'must be a position this stream sent as an id' }]);
    const holder = caller.kind === 'organiser' ? caller.subject : '';
    if (!this.quota.open(holder)) throw Problem.tooManyRequests(`At most ${MAX_STREAMS_PER_ORGANISER} open streams per organiser.`, 5);
    response.once('close', () => this.quota.close(holder));

    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    // Each event is one small write that should leave at once, not wait for the next one.
    request.socket.setNoDelay(true);
    response.write(SSE_PREAMBLE);

    const stream = this.hub.open(missionId, position, {
      write: (chunk) => response.write(chunk),
      bufferedBytes: () => response.writableLength,
      drained: () =>
        new Promise<void>((resolve) => {
          const done = () => {
            response.off('drain', done);
            response.off('close', done);
            resolve();
          };
          response.on('drain', done);
          response.on('close', done);
        }),
      end: () => response.end(),
    });
    // Through the hub, so that nothing more is written to the stream once it has ended.
    const expiry = whenTokenExpires(caller, () => this.hub.release(stream));
    response.on('close', () => {
      clearTimeout(expiry);
      this.hub.release(stream);
    });
  }
}

/** Calls `end` when the caller's token expires; no timer past Node's longest (~24 days), which no token here lives. */
function whenTokenExpires(caller: Caller, end: () => void): NodeJS.Timeout | undefined {
  if (caller.kind !== 'organiser' || caller.expiresAt === undefined) return undefined;
  const delay = Math.max(0, caller.expiresAt - Date.now());
  return delay <= 2 ** 31 - 1 ? setTimeout(end, delay) : undefined;
}
