import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, HttpCode, HttpStatus, Ip, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { accessLinkRequestSchema, signInSchema, type AccessLinkRequest, type SignIn } from './participant-access.schema.js';
import { ParticipantAccessService } from './participant-access.service.js';
import { accessLinkRequestedView, accessRevokedView, participantSessionView } from './participant-access.view.js';

@ApiTags('participant links')
@Controller()
export class ParticipantAccessController {
  constructor(private readonly access: ParticipantAccessService) {}

  /** Signing in with the link of an e-mail (the web entry's `/p/sign-in?link=…` posts it here). */
  @Post('participant-sessions')
  @ApiCreatedResponse({ description: "The participant's access token, for their registration.", standardSchema: participantSessionView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The body has no `link`; `errors` names it.')
  @ApiProblem(HttpStatus.UNAUTHORIZED, 'sign-in-link-invalid', 'The link is not one of ours, was altered, or its registration is erased.')
  @ApiProblem(HttpStatus.UNAUTHORIZED, 'sign-in-link-expired', 'The link is older than its lifetime (14 days by default).')
  @ApiProblem(HttpStatus.UNAUTHORIZED, 'sign-in-link-superseded', 'A newer link (asked for again, or after a revocation) has replaced this one.')
  signIn(@Body({ schema: signInSchema }) body: SignIn) {
    return this.access.signIn(body.link);
  }

  /** "Send me my link again". */
  @Post('missions/:id/access-links')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({
    description:
      'The same answer whether or not the address is registered to the mission. A registered one is mailed a new link, which ends the older ones; at most one such mail a minute per registration.',
    standardSchema: accessLinkRequestedView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or the e-mail address is not valid; `errors` names each.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'Registration does not know the mission.')
  @ApiProblem(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    'Too many requests from this client address (10 in 10 minutes, per instance); `Retry-After` says when to try again.',
  )
  requestLink(@Param('id', new UuidParamPipe()) missionId: string, @Body({ schema: accessLinkRequestSchema }) body: AccessLinkRequest, @Ip() ip: string) {
    return this.access.requestLink(missionId, body.email, ip);
  }

  @Post('registrations/:id/access/revoke')
  @HttpCode(HttpStatus.OK)
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      'Every sign-in link and the access token of the registration have ended (`participant.access_revoked`); the participant is mailed a new link. The new token is not in the answer: it comes with the new link.',
    standardSchema: accessRevokedView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems("The token is neither an organiser of the registration's mission nor the participant's own.")
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No registration has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'participant-erased', "The participant's personal data is erased: no access is left.")
  revoke(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.access.revoke(caller, id);
  }
}
