import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { directoryQuery, profileSchema, type DirectoryQuery, type ProfileInput } from './profile.schema.js';
import { profilePage, profileView } from './profile.view.js';
import { ProfilesService } from './profiles.service.js';

const ORGANISER_OR_CONFIRMED = 'The token is neither an organiser of this mission nor a confirmed participant of it.';
const IDS_NOT_UUIDS = 'The id or the registrationId is not a UUID.';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/matchmaking/profiles')
export class ProfilesController {
  constructor(private readonly profiles: ProfilesService) {}

  /** The mission's matchmaking directory, for its confirmed participants and organisers; filter by theme, sector, language or words. */
  @Get()
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description: "A page of the profiles of the mission's confirmed participants, in the order they were published; the filters combine (all must match).",
    standardSchema: profilePage,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, or a query parameter (a cursor of another list, say) is not valid; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISER_OR_CONFIRMED)
  directory(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Query({ schema: directoryQuery }) query: DirectoryQuery) {
    return this.profiles.directory(caller, missionId, query);
  }

  @Get(':registrationId')
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: "The participant's profile.", standardSchema: profileView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', IDS_NOT_UUIDS)
  @ApiAccessProblems(ORGANISER_OR_CONFIRMED)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'The participant has published no profile, or is no longer a confirmed participant of this mission.')
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
  @ApiOkResponse({ description: 'The profile as published: it is in the directory now.', standardSchema: profileView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the registrationId is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems("The token is not this participant's own: only they publish their profile (an organiser cannot).")
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'not-a-confirmed-participant', 'The participant is not (or no longer) a confirmed participant of this mission.')
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
  @ApiNoContentResponse({ description: 'The profile has left the directory; meeting requests already made stay.' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', IDS_NOT_UUIDS)
  @ApiAccessProblems("The token is neither an organiser of this mission nor the participant's own.")
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'The participant has no published profile in this mission.')
  async withdraw(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    await this.profiles.withdraw(caller, missionId, registrationId);
  }
}
