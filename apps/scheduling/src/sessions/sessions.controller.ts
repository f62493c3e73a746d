import { Access, CurrentCaller, Idempotent, pageQuery, UuidParamPipe, type Caller, type PageQuery } from '#common';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { cancelSessionSchema, sessionChangeSchema, sessionSchema, type CancelSession, type SessionChange, type SessionInput } from './session.schema.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('sessions')
@Controller('missions/:id/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  /** A draft session: participants see it once a release publishes it. */
  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  create(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Body({ schema: sessionSchema }) body: SessionInput) {
    return this.sessions.create(caller, missionId, body);
  }

  @Get()
  @Access('organiser')
  @ApiBearerAuth()
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Query({ schema: pageQuery.strict() }) query: PageQuery) {
    return this.sessions.list(caller, missionId, query);
  }

  @Get(':sessionId')
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('sessionId', new UuidParamPipe()) sessionId: string) {
    return this.sessions.get(caller, missionId, sessionId);
  }

  /** Any fields; once released, a new time or venue is announced at once (session.rescheduled). */
  @Patch(':sessionId')
  @Access('organiser')
  @ApiBearerAuth()
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
  remove(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('sessionId', new UuidParamPipe()) sessionId: string) {
    return this.sessions.remove(caller, missionId, sessionId);
  }
}
