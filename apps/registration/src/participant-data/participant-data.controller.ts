import { Access, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { participantDetailsSchema, type ParticipantDetails } from './participant-data.schema.js';
import { ParticipantDataService } from './participant-data.service.js';

@ApiTags('participant data')
@ApiBearerAuth()
@Controller('registrations')
export class ParticipantDataController {
  constructor(private readonly participantData: ParticipantDataService) {}

  /** The participant's own details; the delegation only by an organiser, the e-mail not at all. */
  @Patch(':id')
  @Access('organiser', 'participant')
  update(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: participantDetailsSchema }) body: ParticipantDetails) {
    return this.participantData.update(caller, id, body);
  }

  /** GDPR erasure: cancels an active registration, then forgets who the participant was. */
  @Post(':id/erase')
  @HttpCode(200)
  @Access('organiser', 'participant')
  erase(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.participantData.erase(caller, id);
  }
}
