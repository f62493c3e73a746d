import { Access, CurrentCaller, Idempotent, type Caller } from '#common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createMissionSchema, type CreateMission } from './mission.schema.js';
import { MissionsService } from './missions.service.js';

@ApiTags('missions')
@Controller('missions')
export class MissionsController {
  constructor(private readonly missions: MissionsService) {}

  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  create(@CurrentCaller() caller: Caller, @Body({ schema: createMissionSchema }) body: CreateMission) {
    return this.missions.create(caller, body);
  }

  @Get(':id')
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.missions.get(id);
  }
}
