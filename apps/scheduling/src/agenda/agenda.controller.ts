import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, Header, Headers, HttpStatus, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { acceptedLanguages } from '../programme/languages.js';
import { AgendaService } from './agenda.service.js';
import { agendaView, publicProgrammeView } from './agenda.view.js';

const CALENDAR = 'text/calendar; charset=utf-8';
const ORGANISER_OR_SELF = "The token is neither an organiser of this mission nor the participant's own.";
const NO_SUCH_PARTICIPANT = 'No mission has this id, or scheduling knows no participant of it with this registration id.';
const NO_SUCH_MISSION = 'No mission has this id.';

@ApiTags('agenda')
@Controller('missions/:id')
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  /** The participant's sessions, times in their own zone and the venue's. */
  @Get('participants/:registrationId/agenda')
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      "The participant's agenda: the released sessions they are enrolled, waitlisted or speaking in and the transfers meant for them, and their B2B meetings.",
    standardSchema: agendaView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISER_OR_SELF)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_PARTICIPANT)
  personal(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.agenda.agenda(caller, missionId, registrationId, acceptedLanguages(acceptLanguage));
  }

  /** The same as an iCalendar feed (RFC 5545): stable UIDs, SEQUENCE bumped on every change. */
  @Get('participants/:registrationId/agenda.ics')
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  @ApiProduces('text/calendar')
  @Header('content-type', CALENDAR)
  @ApiOkResponse({
    description:
      "The participant's agenda as an iCalendar feed (RFC 5545): one event per session and B2B meeting, its UID stable and its SEQUENCE bumped on every change.",
    schema: { type: 'string' },
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISER_OR_SELF)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_PARTICIPANT)
  personalCalendar(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ) {
    return this.agenda.agendaCalendar(caller, missionId, registrationId, acceptedLanguages(acceptLanguage));
  }

  /** The released programme, for anyone (sessions by invitation only are left out). */
  @Get('programme')
  @ApiOkResponse({ description: 'The released programme, for anyone.', standardSchema: publicProgrammeView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  programme(@Param('id', new UuidParamPipe()) missionId: string, @Headers('accept-language') acceptLanguage: string | undefined) {
    return this.agenda.programme(missionId, acceptedLanguages(acceptLanguage));
  }

  @Get('programme.ics')
  @ApiProduces('text/calendar')
  @Header('content-type', CALENDAR)
  @ApiOkResponse({
    description:
      'The released programme as an iCalendar feed (RFC 5545), sessions by invitation only left out: one event per session, its UID stable and its SEQUENCE bumped on every change.',
    schema: { type: 'string' },
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MISSION)
  programmeCalendar(@Param('id', new UuidParamPipe()) missionId: string, @Headers('accept-language') acceptLanguage: string | undefined) {
    return this.agenda.programmeCalendar(missionId, acceptedLanguages(acceptLanguage));
  }
}
