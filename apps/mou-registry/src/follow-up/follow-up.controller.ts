import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  createMilestoneSchema,
  createPilotProjectSchema,
  updatePilotProjectSchema,
  type CreateMilestone,
  type CreatePilotProject,
  type UpdatePilotProject,
} from './follow-up.schema.js';
import { FollowUpService } from './follow-up.service.js';

@ApiTags('follow-up')
@Controller('mous/:id')
export class FollowUpController {
  constructor(private readonly followUp: FollowUpService) {}

  @Post('pilot-projects')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  addPilotProject(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Body({ schema: createPilotProjectSchema }) body: CreatePilotProject,
  ) {
    return this.followUp.addPilotProject(caller, id, body);
  }

  @Get('pilot-projects')
  pilotProjects(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.followUp.pilotProjects(caller, id);
  }

  @Patch('pilot-projects/:projectId')
  @Access('organiser')
  @ApiBearerAuth()
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
  addMilestone(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: createMilestoneSchema }) body: CreateMilestone) {
    return this.followUp.addMilestone(caller, id, body);
  }

  @Get('milestones')
  milestones(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.followUp.milestones(caller, id);
  }

  @Post('milestones/:milestoneId/complete')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  complete(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Param('milestoneId', new UuidParamPipe()) milestoneId: string) {
    return this.followUp.complete(caller, id, milestoneId);
  }
}
