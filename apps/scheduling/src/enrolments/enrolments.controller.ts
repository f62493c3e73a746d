import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { enrolmentListQuery, enrolSchema, type Enrol, type EnrolmentListQuery } from './enrolment.schema.js';
import { EnrolmentsService } from './enrolments.service.js';

@ApiTags('enrolments')
@ApiBearerAuth()
@Controller('missions/:id/sessions/:sessionId/enrolments')
export class EnrolmentsController {
  constructor(private readonly enrolments: EnrolmentsService) {}

  /** A confirmed participant enrols with their own token; an organiser enrols anyone (`registrationId`). */
  @Post()
  @Access('organiser', 'participant')
  @Idempotent()
  enrol(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Body({ schema: enrolSchema }) body: Enrol,
  ) {
    return this.enrolments.enrol(caller, missionId, sessionId, body?.registrationId);
  }

  @Get()
  @Access('organiser')
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
  cancel(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('sessionId', new UuidParamPipe()) sessionId: string,
    @Param('enrolmentId', new UuidParamPipe()) enrolmentId: string,
  ) {
    return this.enrolments.cancel(caller, missionId, sessionId, enrolmentId);
  }
}
