import { Access, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { directoryQuery, profileSchema, type DirectoryQuery, type ProfileInput } from './profile.schema.js';
import { ProfilesService } from './profiles.service.js';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/matchmaking/profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  /** The mission's matchmaking directory, for its confirmed participants and organisers; filter by theme, sector, language or words. */
  @Get()
  @Access('organiser', 'participant')
  directory(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Query({ schema: directoryQuery }) query: DirectoryQuery) {
    return this.profiles.directory(caller, missionId, query);
  }

  @Get(':registrationId')
  @Access('organiser', 'participant')
  get(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    return this.profiles.get(caller, missionId, registrationId);
  }

  /** Opt in (or change): a confirmed participant publishes their own profile. */
  @Put(':registrationId')
  @Access('participant')
  publish(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Body({ schema: profileSchema }) body: ProfileInput,
  ) {
    return this.profiles.publish(caller, missionId, registrationId, body);
  }

  /** Opt out: the profile leaves the directory (requests already made stay). */
  @Delete(':registrationId')
  @HttpCode(204)
  @Access('organiser', 'participant')
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    await this.profiles.withdraw(caller, missionId, registrationId);
  }
}
