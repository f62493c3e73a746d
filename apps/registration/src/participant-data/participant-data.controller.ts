import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { participantDetailsSchema, type ParticipantDetails } from './participant-data.schema.js';
import { ParticipantDataService } from './participant-data.service.js';
import { participantDataView } from './participant-data.view.js';

const NO_SUCH_REGISTRATION = 'No registration has this id.';
const ORGANISER_OR_SELF = "The token is neither an organiser of the registration's mission nor the participant's own.";
const ALREADY_ERASED = "The participant's personal data is erased already; the problem has `erasedAt`.";

@ApiTags('participant data')
@ApiBearerAuth()
@Controller('registrations')
export class ParticipantDataController {
  constructor(private readonly participantData: ParticipantDataService) {}

  /** The participant's own details; the delegation only by an organiser, the e-mail not at all. */
  @Patch(':id')
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description:
      'The registration as it is now; `registration.updated` announces a change (a body that changes nothing changes and announces nothing). A seat that a move to another delegation frees goes to the waitlist.',
    standardSchema: participantDataView,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, or a field of the body is not valid (the e-mail cannot change); `errors` names each.',
  )
  @ApiAccessProblems(
    "The token is neither an organiser of the registration's mission nor the participant's own; or a participant changes their delegation, which only an organiser may (`errors` names it).",
  )
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_REGISTRATION)
  @ApiProblem(HttpStatus.CONFLICT, 'already-erased', ALREADY_ERASED)
  @ApiProblem(HttpStatus.CONFLICT, 'invalid-transition', 'The registration is cancelled: it can only be erased; the problem has `currentStatus`.')
  @ApiProblem(
    HttpStatus.CONFLICT,
    'delegation-full',
    'The registration is confirmed and the delegation it would move to has used its quota; the problem has `delegation`, `quota` and `confirmed`.',
  )
  update(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: participantDetailsSchema }) body: ParticipantDetails) {
    return this.participantData.update(caller, id, body);
  }

  /** GDPR erasure: cancels an active registration, then forgets who the participant was. */
  @Post(':id/erase')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description:
      "The registration, erased: cancelled first if it was active (its seat goes to the waitlist), then the participant's personal data overwritten and their token revoked; `participant.erased` announces it.",
    standardSchema: participantDataView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISER_OR_SELF)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_REGISTRATION)
  @ApiProblem(HttpStatus.CONFLICT, 'already-erased', ALREADY_ERASED)
  erase(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.participantData.erase(caller, id);
  }
}
