import { Access, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AgendaService } from './agenda.service.js';

const CALENDAR = 'text/calendar; charset=utf-8';

@ApiTags('agenda')
@Controller('missions/:id')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  /** The participant's sessions, times in their own zone and the venue's. */
  @Get('participants/:registrationId/agenda')
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  personal(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    return this.agenda.agenda(caller, missionId, registrationId);
  }

  /** The same as an iCalendar feed (RFC 5545): stable UIDs, SEQUENCE bumped on every change. */
  @Get('participants/:registrationId/agenda.ics')
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  @ApiProduces('text/calendar')
  @Header('content-type', CALENDAR)
  personalCalendar(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    return this.agenda.agendaCalendar(caller, missionId, registrationId);
  }

  /** The released programme, for anyone (sessions by invitation only are left out). */
  @Get('programme')
  programme(@Param('id', new UuidParamPipe()) missionId: string) {
    return this.agenda.programme(missionId);
  }

  @Get('programme.ics')
  @ApiProduces('text/calendar')
  @Header('content-type', CALENDAR)
  programmeCalendar(@Param('id', new UuidParamPipe()) missionId: string) {
    return this.agenda.programmeCalendar(missionId);
  }
}
