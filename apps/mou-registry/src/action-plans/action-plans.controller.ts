import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  CurrentIdempotencyKey,
  Idempotent,
  UuidParamPipe,
  type Caller,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  adoptPilotSchema,
  createIndicatorSchema,
  createPilotSchema,
  createPlanMilestoneSchema,
  createPlanSchema,
  createReportSchema,
  planTransitionSchema,
  updatePilotSchema,
  updatePlanSchema,
  type AdoptPilot,
  type CreateIndicator,
  type CreatePilot,
  type CreatePlan,
  type CreatePlanMilestone,
  type CreateReport,
  type PlanTransition,
  type UpdatePilot,
  type UpdatePlan,
} from './action-plan.schema.js';
import { planMilestoneView, planPilotView, planSummaryView, planView } from './action-plan.view.js';
import { ActionPlansService } from './action-plans.service.js';

const ORGANISERS_ONLY = "The token is not an organiser of the plan's mission (of every mission, for a plan of none).";
const NO_READABLE_PLAN = 'No action plan has this id, or it is for organisers only and the token is not an organiser of its mission.';
const FINISHED = 'The plan is closed or withdrawn and takes no more changes (`action-plan-finished`).';
const PERSON_LINK = 'a `registrationId` not a confirmed participant of the plan’s mission known to the registry';

const listQuery = z.object({ missionId: z.uuid().optional() }).strict();

@ApiTags('action-plans')
@Controller('action-plans')
export class ActionPlansController {
  constructor(private readonly plans: ActionPlansService) {}

  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The plan, a draft; `action_plan.drafted` announces it.', standardSchema: planView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    `A field of the body is not valid (a city pair not of one Chinese and one other city, an author with ${PERSON_LINK}), or the Idempotency-Key is not; \`errors\` names each.`,
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  create(@CurrentCaller() caller: Caller, @Body({ schema: createPlanSchema }) body: CreatePlan, @CurrentIdempotencyKey() key: IdempotencyKey | undefined) {
    return this.plans.create(caller, body, key);
  }

  /** The public plans (organisers also see the organisers-only plans of their missions). */
  @Get()
  @ApiOkResponse({
    description: 'Plans newest first: the public ones, and for an organiser those of their missions too.',
    standardSchema: z.array(planSummaryView),
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'A query parameter is not valid.')
  list(@CurrentCaller() caller: Caller, @Query({ schema: listQuery }) query: z.infer<typeof listQuery>) {
    return this.plans.list(caller, query.missionId);
  }

  @Get(':id')
  @ApiOkResponse({
    description: 'The plan with its authors, pilot projects (indicators and progress reports) and milestones; contact data for its organisers only.',
    standardSchema: planView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_PLAN)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.plans.get(caller, id);
  }

  @Patch(':id')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The plan as it is now; `action_plan.updated` announces it.', standardSchema: planView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'action-plan-finished', FINISHED)
  update(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: updatePlanSchema }) body: UpdatePlan) {
    return this.plans.update(caller, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The plan in its new status; `action_plan.status_changed` announces it.', standardSchema: planView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or the body is not valid.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id.')
  @ApiProblem(
    HttpStatus.CONFLICT,
    'invalid-transition',
    'The lifecycle has no such step from the current status; the problem has `currentStatus` and `allowed`.',
  )
  @ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, 'not-ready-to-submit', 'Submitting needs an author and a pilot project; `errors` names what is missing.')
  transition(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: planTransitionSchema }) body: PlanTransition) {
    return this.plans.transition(caller, id, body);
  }

  /** The plan's audit trail, chained by hash as an MoU's is. */
  @Get(':id/history')
  @ApiOkResponse({ description: 'Every change of the plan, oldest first, each entry chained by hash to the one before.' })
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_PLAN)
  history(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.plans.history(caller, id);
  }

  @Get(':id/history/verify')
  @ApiOkResponse({ description: 'The chain recomputed: intact, or the first entry where it breaks.' })
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_PLAN)
  verify(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.plans.verifyHistory(caller, id);
  }

  @Post(':id/pilot-projects')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The pilot project, with or without an MoU.', standardSchema: planPilotView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    `A field of the body is not valid (\`mouId\` not an MoU of the plan's mission, budget sources over the budget, ${PERSON_LINK}); \`errors\` names each.`,
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'action-plan-finished', FINISHED)
  addPilot(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Body({ schema: createPilotSchema }) body: CreatePilot,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.plans.addPilot(caller, id, body, key);
  }

  /** An MoU's pilot project recorded before action plans (in no plan) joins this plan, as it is. */
  @Post(':id/pilot-projects/adopt')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The pilot project, now of the plan (its MoU still lists it).', standardSchema: planPilotView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', '`pilotProjectId` is not a pilot project of an MoU of the plan’s mission that is in no plan.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'action-plan-finished', FINISHED)
  adoptPilot(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: adoptPilotSchema }) body: AdoptPilot) {
    return this.plans.adoptPilot(caller, id, body);
  }

  @Patch(':id/pilot-projects/:projectId')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The pilot project as it is now.', standardSchema: planPilotView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id, or it has no pilot project with this project id.')
  @ApiProblem(HttpStatus.CONFLICT, 'action-plan-finished', FINISHED)
  updatePilot(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('projectId', new UuidParamPipe()) projectId: string,
    @Body({ schema: updatePilotSchema }) body: UpdatePilot,
  ) {
    return this.plans.updatePilot(caller, id, projectId, body);
  }

  @Post(':id/pilot-projects/:projectId/indicators')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The pilot project with its new indicator.', standardSchema: planPilotView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id, or it has no pilot project with this project id.')
  @ApiProblem(HttpStatus.CONFLICT, 'action-plan-finished', FINISHED)
  addIndicator(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('projectId', new UuidParamPipe()) projectId: string,
    @Body({ schema: createIndicatorSchema }) body: CreateIndicator,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.plans.addIndicator(caller, id, projectId, body, key);
  }

  @Post(':id/pilot-projects/:projectId/indicators/:indicatorId/reports')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({
    description: 'The pilot project with the report among its indicator’s; `action_plan.pilot_project_progress` announces it.',
    standardSchema: planPilotView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan, pilot project or indicator has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'action-plan-finished', FINISHED)
  addReport(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('projectId', new UuidParamPipe()) projectId: string,
    @Param('indicatorId', new UuidParamPipe()) indicatorId: string,
    @Body({ schema: createReportSchema }) body: CreateReport,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.plans.addReport(caller, id, projectId, indicatorId, body, key);
  }

  /** A milestone; before it is due, its owner and its project's person responsible are reminded (`action_plan.milestone_reminder_due`). */
  @Post(':id/milestones')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The milestone, with when its reminders will come.', standardSchema: planMilestoneView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    `A field of the body is not valid (\`pilotProjectId\` not a pilot project of this plan, an owner with ${PERSON_LINK}); \`errors\` names each.`,
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id.')
  @ApiProblem(HttpStatus.CONFLICT, 'action-plan-finished', FINISHED)
  addMilestone(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Body({ schema: createPlanMilestoneSchema }) body: CreatePlanMilestone,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.plans.addMilestone(caller, id, body, key);
  }

  @Post(':id/milestones/:milestoneId/complete')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The milestone, completed: its reminders still to come are not sent.', standardSchema: planMilestoneView })
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No action plan has this id, or it has no milestone with this milestone id.')
  @ApiProblem(HttpStatus.CONFLICT, 'milestone-completed', 'The milestone is completed already.')
  complete(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Param('milestoneId', new UuidParamPipe()) milestoneId: string) {
    return this.plans.completeMilestone(caller, id, milestoneId);
  }
}
