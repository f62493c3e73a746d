import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  Idempotent,
  UuidParamPipe,
  type Caller,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  createMilestoneSchema,
  createPilotProjectSchema,
  updatePilotProjectSchema,
  type CreateMilestone,
  type CreatePilotProject,
  type UpdatePilotProject,
} from './follow-up.schema.js';
import { FollowUpService } from './follow-up.service.js';
import { milestoneView, pilotProjectView } from './follow-up.view.js';

const NO_SUCH_MOU = 'No MoU has this id.';
const NO_READABLE_MOU = 'No MoU has this id, or it is for organisers only and the token is not an organiser of its mission.';
const ORGANISERS_ONLY = "The token is not an organiser of the MoU's mission (of every mission, for an MoU of none).";
const NOT_A_PARTY = '`leadParty` is not the name of one of the MoU’s parties';

@ApiTags('follow-up')
@Controller('mous/:id')
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Post('pilot-projects')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: "The pilot project, added to the MoU's action plan.", standardSchema: pilotProjectView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    `The id is not a UUID, a field of the body is not valid (${NOT_A_PARTY}), or the Idempotency-Key is not; \`errors\` names each.`,
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MOU)
  addPilotProject(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Body({ schema: createPilotProjectSchema }) body: CreatePilotProject,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.followUp.addPilotProject(caller, id, body, key);
  }

  @Get('pilot-projects')
  @ApiOkResponse({ description: "The MoU's pilot projects, in the order they were added.", standardSchema: z.array(pilotProjectView) })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_MOU)
  pilotProjects(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.followUp.pilotProjects(caller, id);
  }

  @Patch('pilot-projects/:projectId')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The pilot project as it is now.', standardSchema: pilotProjectView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    `The id or the project id is not a UUID, or a field of the body is not valid (${NOT_A_PARTY}); \`errors\` names each.`,
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No MoU has this id, or it has no pilot project with this project id.')
  updatePilotProject(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('projectId', new UuidParamPipe()) projectId: string,
    @Body({ schema: updatePilotProjectSchema }) body: UpdatePilotProject,
  ) {
    return this.followUp.updatePilotProject(caller, id, projectId, body);
  }

  /** A milestone; once overdue and not completed, the registry announces `mou.milestone_due` once, and notifications reminds its owner. */
  @Post('milestones')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: "The milestone, with its owner's contact data; `mou.milestone_added` announces it.", standardSchema: milestoneView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    "The id is not a UUID, a field of the body is not valid (`pilotProjectId` not a pilot project of this MoU, `owner.registrationId` not a confirmed participant of the MoU's mission known to the registry), or the Idempotency-Key is not; `errors` names each.",
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MOU)
  addMilestone(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Body({ schema: createMilestoneSchema }) body: CreateMilestone,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.followUp.addMilestone(caller, id, body, key);
  }

  @Get('milestones')
  @ApiOkResponse({
    description: "The MoU's milestones, by due date; the owners' contact data and links to participants for its organisers only.",
    standardSchema: z.array(milestoneView),
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_MOU)
  milestones(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.followUp.milestones(caller, id);
  }

  @Post('milestones/:milestoneId/complete')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The milestone, completed; `mou.milestone_completed` announces it.', standardSchema: milestoneView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id or the milestone id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No MoU has this id, or it has no milestone with this milestone id.')
  @ApiProblem(HttpStatus.CONFLICT, 'milestone-completed', 'The milestone is completed already.')
  complete(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Param('milestoneId', new UuidParamPipe()) milestoneId: string) {
    return this.followUp.complete(caller, id, milestoneId);
  }
}
