import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createMissionSchema, updateMissionSchema, type CreateMission, type MissionUpdate } from './mission.schema.js';
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

  /** Title, dates, time zone, themes; cities may be added. `mission.updated` when something changed. */
  @Patch(':id')
  @Access('organiser')
  @ApiBearerAuth()
  update(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: updateMissionSchema }) body: MissionUpdate) {
    return this.missions.update(caller, id, body);
  }

  @Get(':id')
  get(@Param('id', new UuidParamPipe()) id: string) {
    return this.missions.get(id);
  }
}
