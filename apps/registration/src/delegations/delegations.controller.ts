import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  addMemberSchema,
  createDelegationSchema,
  delegationOrderSchema,
  memberRoleSchema,
  mergeDelegationSchema,
  updateDelegationSchema,
  type AddMember,
  type CreateDelegation,
  type DelegationOrder,
  type MemberRole,
  type MergeDelegation,
  type UpdateDelegation,
} from './delegation.schema.js';
import { delegationList, delegationView, memberList, memberView } from './delegation.view.js';
import { DelegationsService } from './delegations.service.js';

const ORGANISERS = 'The token is not an organiser of this mission.';
const ORGANISERS_OR_HEAD = 'The token is neither an organiser of the mission nor the participant who heads this delegation (or one it lies within).';
const NO_SUCH_DELEGATION = 'No delegation has this id.';
const NOT_SET_UP = 'The mission has no registration settings yet (their lock guards the quotas): set them up first.';

/** A mission's delegations: the organisers' resource, and what a head of delegation's own link opens. */
@ApiTags('delegations')
@ApiBearerAuth()
@Controller()
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get('missions/:id/delegations')
  @Access('organiser')
  @ApiOkResponse({
    description: 'The delegations in order of precedence, each with its registrations counted, alone and with its sub-delegations.',
    standardSchema: delegationList,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'Registration does not know the mission.')
  async list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Headers('accept-language') language?: string) {
    return { items: await this.delegations.list(caller, missionId, language) };
  }

  @Post('missions/:id/delegations')
  @Access('organiser')
  @ApiCreatedResponse({ description: 'The delegation; `delegation.saved` is announced.', standardSchema: delegationView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'Registration does not know the mission.')
  @ApiProblem(HttpStatus.CONFLICT, 'delegation-name-taken', 'Another delegation of the mission answers to one of the names (any case, any language).')
  @ApiProblem(HttpStatus.CONFLICT, 'registration-not-set-up', NOT_SET_UP)
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid-parent', 'The parent is unknown, or nesting would be too deep; `reason` says which.')
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'unknown-head', 'The head is not a registration of this mission.')
  create(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: createDelegationSchema }) body: CreateDelegation,
    @Headers('accept-language') language?: string,
  ) {
    return this.delegations.create(caller, missionId, body, language);
  }

  @Put('missions/:id/delegations/order')
  @Access('organiser')
  @ApiOkResponse({
    description: 'The delegations in their new order of precedence; each that moved is announced (`delegation.saved`).',
    standardSchema: delegationList,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or the body is not valid.')
  @ApiAccessProblems(ORGANISERS)
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'invalid-order',
    'The list does not name each of the mission’s delegations exactly once; `delegationIds` has them.',
  )
  async reorder(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: delegationOrderSchema }) body: DelegationOrder,
    @Headers('accept-language') language?: string,
  ) {
    return { items: await this.delegations.reorder(caller, missionId, body.delegationIds, language) };
  }

  @Get('delegations/headed')
  @Access('participant')
  @ApiOkResponse({
    description: 'The delegations the participant (their own token) heads, with those within them; empty when none.',
    standardSchema: delegationList,
  })
  @ApiAccessProblems('The token is not a participant’s.')
  async headed(@CurrentCaller() caller: Caller, @Headers('accept-language') language?: string) {
    return { items: await this.delegations.headed(caller, language) };
  }

  @Get('delegations/:id')
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: 'The delegation.', standardSchema: delegationView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_OR_HEAD)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_DELEGATION)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Headers('accept-language') language?: string) {
    return this.delegations.get(caller, id, language);
  }

  @Patch('delegations/:id')
  @Access('organiser')
  @ApiOkResponse({
    description: 'The delegation as changed; `delegation.saved` is announced, and a new name reaches its members’ registrations (`registration.updated`).',
    standardSchema: delegationView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_DELEGATION)
  @ApiProblem(HttpStatus.CONFLICT, 'delegation-name-taken', 'Another delegation of the mission answers to one of the names.')
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid-parent', 'The parent is unknown, is this delegation or lies within it, or nesting would be too deep.')
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'unknown-head', 'The head is not a registration of this mission.')
  update(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Body({ schema: updateDelegationSchema }) body: UpdateDelegation,
    @Headers('accept-language') language?: string,
  ) {
    return this.delegations.update(caller, id, body, language);
  }

  @Delete('delegations/:id')
  @HttpCode(204)
  @Access('organiser')
  @ApiNoContentResponse({ description: 'Removed; `delegation.removed` is announced.' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_DELEGATION)
  @ApiProblem(HttpStatus.CONFLICT, 'delegation-not-empty', 'It has active registrations or sub-delegations: merge it, or move them first.')
  async remove(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    await this.delegations.remove(caller, id);
  }

  @Post('delegations/:id/merge')
  @HttpCode(200)
  @Access('organiser')
  @ApiOkResponse({
    description:
      'The delegation merged into: it has the members and sub-delegations; the merged one is removed (`delegation.removed` with `mergedInto`), its members announced with `registration.updated`.',
    standardSchema: delegationView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'Either delegation is not one of the mission’s.')
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid-merge', 'The target is the delegation itself or lies within it.')
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'invalid-parent', 'Its sub-delegations would nest too deep under the target.')
  merge(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Body({ schema: mergeDelegationSchema }) body: MergeDelegation,
    @Headers('accept-language') language?: string,
  ) {
    return this.delegations.merge(caller, id, body.into, language);
  }

  @Get('delegations/:id/members')
  @Access('organiser', 'participant')
  @ApiOkResponse({
    description: 'Its pending, confirmed and waitlisted registrations, and those of the delegations within it, in arrival order.',
    standardSchema: memberList,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_OR_HEAD)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_DELEGATION)
  async members(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return { items: await this.delegations.members(caller, id) };
  }

  @Post('delegations/:id/members')
  @HttpCode(200)
  @Access('organiser')
  @ApiOkResponse({ description: 'The member, moved into the delegation (`registration.updated`).', standardSchema: memberView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'The delegation or the registration is not the mission’s.')
  @ApiProblem(HttpStatus.CONFLICT, 'delegation-full', 'A confirmed seat would exceed a quota it enters (its own or a parent’s).')
  @ApiProblem(HttpStatus.CONFLICT, 'invalid-transition', 'The registration is cancelled, rejected or erased.')
  addMember(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: addMemberSchema }) body: AddMember) {
    return this.delegations.addMember(caller, id, body.registrationId);
  }

  @Patch('delegations/:id/members/:registrationId')
  @Access('organiser', 'participant')
  @ApiOkResponse({ description: 'The member with their role.', standardSchema: memberView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or the role is not valid.')
  @ApiAccessProblems(ORGANISERS_OR_HEAD)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'The registration is not a member of this delegation or one within it.')
  setRole(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
    @Body({ schema: memberRoleSchema }) body: MemberRole,
  ) {
    return this.delegations.setRole(caller, id, registrationId, body.role);
  }

  @Delete('delegations/:id/members/:registrationId')
  @HttpCode(204)
  @Access('organiser', 'participant')
  @ApiNoContentResponse({ description: 'The member has left the delegation (`registration.updated`); their registration stays.' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_OR_HEAD)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'The registration is not a member of this delegation or one within it.')
  async removeMember(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('registrationId', new UuidParamPipe()) registrationId: string,
  ) {
    await this.delegations.removeMember(caller, id, registrationId);
  }
}
