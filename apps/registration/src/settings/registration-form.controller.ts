import { ApiProblem, UuidParamPipe } from '#common';
import { Controller, Get, Headers, HttpStatus, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { registrationFormView } from './registration-form.view.js';
import { RegistrationSettingsService } from './registration-settings.service.js';

/** Public: what a registration form (ours, or one on a mission's own website) needs without organiser rights. */
@ApiTags('registration settings')
@Controller('missions/:id/registration-form')
export class RegistrationFormController {
  constructor(private readonly settings: RegistrationSettingsService) {}

  @Get()
  @ApiOkResponse({
    description: "The mission's title, dates and time zone, whether it takes registrations now and between which moments, and its delegations.",
    standardSchema: registrationFormView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(
    HttpStatus.NOT_FOUND,
    'not-found',
    'Registration does not know the mission (yet: it learns of it from `mission.created`), or the mission takes no registrations (no settings).',
  )
  get(@Param('id', new UuidParamPipe()) missionId: string, @Headers('accept-language') language?: string) {
    return this.settings.form(missionId, new Date(), language);
  }
}
