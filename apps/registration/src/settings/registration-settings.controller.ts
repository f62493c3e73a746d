import { Access, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
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
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: registrationSettingsSchema }) body: RegistrationSettingsInput,
  ) {
    return this.settings.put(caller, missionId, body);
  }

  @Get()
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.settings.get(caller, missionId);
  }
}
