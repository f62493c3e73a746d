import { Access, CurrentCaller, type Caller } from '#common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { registrationSettingsSchema, type RegistrationSettingsInput } from './registration-settings.schema.js';
import { RegistrationSettingsService } from './registration-settings.service.js';

@ApiTags('registration settings')
@ApiBearerAuth()
@Access('organiser')
@Controller('missions/:id/registration-settings')
export class RegistrationSettingsController {
  constructor(private readonly settings: RegistrationSettingsService) {}

  @Put()
  put(
    @CurrentCaller() caller: Caller,
    @Param('id', new ParseUUIDPipe()) missionId: string,
    @Body({ schema: registrationSettingsSchema }) body: RegistrationSettingsInput,
  ) {
    return this.settings.put(caller, missionId, body);
  }

  @Get()
  get(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) missionId: string) {
    return this.settings.get(caller, missionId);
  }
}
