import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  Idempotent,
  openApiSchemaOf,
  RateLimit,
  UuidParamPipe,
  type Caller,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { registerSchema, registrationListQuery, rejectSchema, type Register, type RegistrationListQuery, type Reject } from './registration.schema.js';
import { csvColumns, registrationCreatedView, registrationPage, registrationView } from './registration.view.js';
import { RegistrationsService } from './registrations.service.js';

const NO_SUCH_REGISTRATION = 'No registration has this id.';
const ORGANISERS_OF_ITS_MISSION = "The token is not an organiser of the registration's mission.";
const NOT_PENDING = 'The registration is not pending approval; the problem has `currentStatus` and `allowed`.';
const ORGANISER_OR_SELF = "The token is neither an organiser of the registration's mission nor the participant's own.";

@ApiTags('registrations')
@Controller()
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  /** The public registration form. */
  @Post('missions/:id/registrations')
  @RateLimit('registration-per-client', 'client')
  @RateLimit('registration-per-mission', 'mission')
  @ApiProblem(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    'Too many registrations from this address, or for this mission, in the window; `Retry-After` says when to try again.',
  )
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The registration, with the access token of the participant, shown this once.', standardSchema: registrationCreatedView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    "The id is not a UUID, or a field of the body or the Idempotency-Key is not valid, or the category is missing or unknown (the problem lists `categories`), or an answer does not hold for the category's questions; `errors` names each (`answers.<key>`).",
  )
  @ApiProblem(
    HttpStatus.NOT_FOUND,
    'not-found',
    'Registration does not know the mission (yet: it learns of it from `mission.created`), or the mission takes no registrations (no settings).',
  )
  @ApiProblem(
    HttpStatus.CONFLICT,
    'already-registered',
    'The e-mail address has a registration to this mission that is pending approval, confirmed or waitlisted.',
  )
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'registration-closed',
    "Registration (or the chosen category's) is not open yet, or no longer; the problem has `opensAt` and `closesAt` (and `category`).",
  )
  @ApiProblem(HttpStatus.CONFLICT, 'category-full', 'The chosen category has no seat left and keeps no waiting list; the problem has `category`.')
  register(
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: registerSchema }) body: Register,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.registrations.register(missionId, body, key);
  }

  @Get('missions/:id/registrations')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description: `A page of the registrations, in the order they arrived; with \`?format=csv\`, every registration that matches the filters as a CSV attachment instead, with the columns ${csvColumns.join(', ')}, then one per question of the mission's categories, \`<category>.<question>\` (several options joined by \`; \`, yes/no as \`yes\`/\`no\`).`,
    content: { 'application/json': { schema: openApiSchemaOf(registrationPage) }, 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, or a query parameter (a cursor of another list, say) is not valid; `errors` names each.',
  )
  @ApiAccessProblems('The token is not an organiser of this mission.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'Registration does not know the mission.')
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Query({ schema: registrationListQuery }) query: RegistrationListQuery,
  ) {
    const { limit, cursor, format, ...filters } = query;
    if (format === 'json') return this.registrations.list(caller, missionId, filters, { limit, cursor });
    const { mission, questionColumns, records } = await this.registrations.export(caller, missionId, filters);
    const csv = stringify({ header: true, columns: [...csvColumns, ...questionColumns] });
    // An error half-way ends the response, which is all HTTP allows once the header row has gone out.
    pipeline(Readable.from(records), csv, () => {});
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="registrations-${mission.code}.csv"` });
  }

  @Get('registrations/:id')
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The registration.', standardSchema: registrationView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISER_OR_SELF)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_REGISTRATION)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.get(caller, id);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      "The registration, cancelled; a seat it held has gone to the first of the waitlist whose delegation's quota allows it (`registration.confirmed`).",
    standardSchema: registrationView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISER_OR_SELF)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_REGISTRATION)
  @ApiProblem(HttpStatus.CONFLICT, 'invalid-transition', 'The registration is rejected or cancelled already; the problem has `currentStatus` and `allowed`.')
  cancel(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.cancel(caller, id);
  }

  @Post('registrations/:id/approve')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The registration, confirmed, or waitlisted when the mission or its delegation is full.', standardSchema: registrationView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_OF_ITS_MISSION)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_REGISTRATION)
  @ApiProblem(HttpStatus.CONFLICT, 'invalid-transition', NOT_PENDING)
  approve(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.approve(caller, id);
  }

  @Post('registrations/:id/reject')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The registration, rejected, with the reason if one was given.', standardSchema: registrationView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or the reason is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_OF_ITS_MISSION)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_REGISTRATION)
  @ApiProblem(HttpStatus.CONFLICT, 'invalid-transition', NOT_PENDING)
  reject(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: rejectSchema }) body: Reject) {
    return this.registrations.reject(caller, id, body?.reason ?? null);
  }

  @Post('registrations/:id/check-in')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The registration, with `checkedInAt`; `participant.checked_in` is announced.', standardSchema: registrationView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_OF_ITS_MISSION)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_REGISTRATION)
  @ApiProblem(HttpStatus.CONFLICT, 'already-checked-in', 'The participant checked in already; the problem has `checkedInAt`.')
  @ApiProblem(HttpStatus.CONFLICT, 'invalid-transition', 'Only a confirmed registration checks in; the problem has `currentStatus` and `allowed`.')
  checkIn(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.checkIn(caller, id);
  }
}
