import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { peopleQuery, suggestionsQuery, visibilitySchema, type PeopleQuery, type SuggestionsQuery, type VisibilityInput } from './people.schema.js';
import { directoryPage, suggestionsView } from './people.view.js';
import { PeopleService } from './people.service.js';

const ORGANISER_OR_CONFIRMED = 'The token is neither an organiser of this mission nor a confirmed participant of it.';

@ApiTags('matchmaking')
@ApiBearerAuth()
@Controller('missions/:id/matchmaking')
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  /** Who is in the mission, for matchmaking: its confirmed participants who do not hide, by name; never an e-mail address. */
  @Get('people')
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description:
      "A page of the mission's confirmed participants in name order: name, organisation, country, delegation and matchmaking profile (null without one). Those who hide are left out, but for the viewer themselves.",
    standardSchema: directoryPage,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, or a query parameter (a cursor of another list, say) is not valid; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISER_OR_CONFIRMED)
  directory(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Query({ schema: peopleQuery }) query: PeopleQuery) {
    return this.people.directory(caller, missionId, query);
  }

  /** A participant hides from the directory and from others' suggestions (or shows again); meetings and requests already made stay. */
  @Put('people/:registrationId/visibility')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: 'Whether the participant now hides.', standardSchema: z.object({ hidden: z.boolean() }) })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the registrationId is not a UUID, or the body is not valid; `errors` names each.')
  @ApiAccessProblems("The token is neither an organiser of this mission nor the participant's own.")
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No participant of this mission has this registrationId (or they were erased).')
  visibility(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Body({ schema: visibilitySchema }) body: VisibilityInput,
  ) {
    return this.people.setVisibility(caller, missionId, registrationId, body);
  }

  /** Whom to meet, ranked from themes, sectors, offers and needs; never someone hidden, met or asked already, nor a colleague. */
  @Get('suggestions')
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description: "The best matches for the participant's profile, best first, with why; empty while they have published no profile.",
    standardSchema: suggestionsView,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, a query parameter is not valid, or an organiser names no `registrationId`; `errors` names each.',
  )
  @ApiAccessProblems(`${ORGANISER_OR_CONFIRMED} Or a participant asks for another's suggestions.`)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No confirmed participant of this mission has this registrationId.')
  suggestions(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Query({ schema: suggestionsQuery }) query: SuggestionsQuery,
  ) {
    return this.people.suggestions(caller, missionId, query);
  }
}
