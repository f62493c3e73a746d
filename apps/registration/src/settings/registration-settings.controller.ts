import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { registrationSettingsSchema, type RegistrationSettingsInput } from './registration-settings.schema.js';
import { RegistrationSettingsService } from './registration-settings.service.js';
import { registrationSettingsView } from './registration-settings.view.js';

const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';
const MISSION_UNKNOWN = 'Registration does not know the mission (yet: it learns of it from `mission.created`)';

@ApiTags('registration settings')
@ApiBearerAuth()
@Access('organiser')
@Controller('missions/:id/registration-settings')
export class RegistrationSettingsController {
  constructor(private readonly settings: RegistrationSettingsService) {}

  @Put()
  @ApiOkResponse({
    description: 'The settings as stored, with the seats as they stand now: seats that the change freed have gone to the waitlist already.',
    standardSchema: registrationSettingsView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', `${MISSION_UNKNOWN}.`)
  put(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: registrationSettingsSchema }) body: RegistrationSettingsInput,
  ) {
    return this.settings.put(caller, missionId, body);
  }

  @Get()
  @ApiOkResponse({ description: 'The settings, with the seats as they stand now.', standardSchema: registrationSettingsView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', `${MISSION_UNKNOWN}, or the mission has no registration settings yet.`)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.settings.get(caller, missionId);
  }
}
