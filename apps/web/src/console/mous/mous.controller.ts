import type { ProblemDetails } from '#common';
import { Body, Controller, Get, Header, Inject, Param, Post, Query, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { translator } from '../../kit/messages.js';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { formErrorsOf } from '../forms/form-field.js';
import { fieldsOf, idempotencyKeyOf, textOf } from '../forms/posted.js';
import { assertSameOrigin, missionIdOf, OrganiserApi } from '../organiser-api.js';
import { mouDraftOf } from './mou-form.js';
import { milestoneOf, moveOf, pilotProjectOf, type FormBody, type MouForm } from './mou-record-forms.js';
import { mouPage, type MouDone } from './mou.page.js';
import { mousMessages } from './mous.messages.js';
import { mouListPage, newMouPage } from './mous.page.js';
import {
  addMilestone,
  addPilotProject,
  assertOrganiserOf,
  completeMilestone,
  createMou,
  mouOf,
  mouRecordOf,
  mousOf,
  moveMou,
  setVisibility,
  uploadVersion,
  type Sent,
} from './mous.service.js';

/** The registry's own limit on a document; a larger upload is refused before it is read whole. */
const DOCUMENT_BYTES = 20 * 1024 * 1024;
const doneMessages: readonly MouDone[] = ['created', 'moved', 'visibilitySet', 'uploaded', 'projectAdded', 'milestoneAdded', 'completed'];

interface UploadedDocument {
  buffer: Buffer;
  mimetype: string;
  size: number;
}

/** `/console/m/:missionId/mous`: the mission's MoUs, a new one, and each through its lifecycle and follow-up, all as plain forms. */
@Controller('console/m/:missionId/mous')
@UseFilters(ConsoleRefusalFilter)
export class MousController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    await assertOrganiserOf(organiser, missionId);
    const [mission, mous] = await Promise.all([organiser.mission(missionId), mousOf(organiser, missionId)]);
    return mouListPage(page, mission, mous);
  }

  @Get('new')
  @Header('content-type', 'text/html; charset=utf-8')
  async new(@Page() page: PageContext, @Req() request: Request, @Param('missionId') missionParam: string): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    await assertOrganiserOf(organiser, missionId);
    return newMouPage(page, { mission: await organiser.mission(missionId), idempotencyKey: randomUUID() });
  }

  @Post()
  async create(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param('missionId') missionParam: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const missionId = missionIdOf(missionParam);
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    await assertOrganiserOf(organiser, missionId);
    const form = fieldsOf(body);
    const draft = mouDraftOf(form, missionId);
    const created = await createMou(organiser, draft.body, idempotencyKeyOf(body));
    if (created.done) return response.redirect(303, `/console/m/${missionId}/mous/${created.body.id}?done=created`);
    const { problem } = created;
    response
      .status(statusOf(problem))
      .type('html')
      .send(
        newMouPage(page, {
          mission: await organiser.mission(missionId),
          idempotencyKey: randomUUID(),
          form,
          problem,
          errors: formErrorsOf(problem, draft.fieldOf),
        }),
      );
  }

  @Get(':mouId')
  @Header('content-type', 'text/html; charset=utf-8')
  async show(
    @Page() page: PageContext,
    @Req() request: Request,
    @Param('missionId') missionParam: string,
    @Param('mouId') mouParam: string,
    @Query('done') done?: string,
  ): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const mouId = missionIdOf(mouParam);
    const organiser = new OrganiserApi(this.api, request);
    return this.page(page, organiser, missionId, mouId, { done: doneMessages.find((message) => message === done) });
  }

  @Post(':mouId/status')
  async move(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    await this.send(page, request, response, params, body, 'status', 'moved', (organiser, mouId, form) => moveMou(organiser, mouId, form.body));
  }

  @Post(':mouId/visibility')
  async setVisibility(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    await this.send(page, request, response, params, body, 'visibility', 'visibilitySet', (organiser, mouId) =>
      setVisibility(organiser, mouId, textOf(body, 'visibility')),
    );
  }

  @Post(':mouId/pilot-projects')
  async addPilotProject(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    await this.send(page, request, response, params, body, 'project', 'projectAdded', (organiser, mouId, form) =>
      addPilotProject(organiser, mouId, form.body, idempotencyKeyOf(body)),
    );
  }

  @Post(':mouId/milestones')
  async addMilestone(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    await this.send(page, request, response, params, body, 'milestone', 'milestoneAdded', (organiser, mouId, form) =>
      addMilestone(organiser, mouId, form.body, idempotencyKeyOf(body)),
    );
  }

  @Post(':mouId/milestones/:milestoneId/complete')
  async complete(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
  ) {
    const milestoneId = missionIdOf(params.milestoneId ?? '');
    await this.send(page, request, response, params, body, 'complete', 'completed', (organiser, mouId) => completeMilestone(organiser, mouId, milestoneId));
  }

  /** A version of the text from a multipart form (a file input works without JavaScript); the file's bytes go on to the registry as they are. */
  @Post(':mouId/versions')
  @UseInterceptors(FileInterceptor('document', { limits: { fileSize: DOCUMENT_BYTES, files: 1 } }))
  async upload(
    @Page() page: PageContext,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: Record<string, string>,
    @Body() body: Record<string, unknown>,
    @UploadedFile() document: UploadedDocument | undefined,
  ) {
    const language = textOf(body, 'language').trim();
    await this.send(page, request, response, params, body, 'version', 'uploaded', async (organiser, mouId) => {
      if (!document || document.size === 0) {
        const t = translator(mousMessages, page.language);
        return {
          done: false,
          problem: { type: 'about:blank', title: t('notUploaded'), status: 400, errors: [{ field: 'document', message: t('noDocument') }] },
        };
      }
      return uploadVersion(
        this.config,
        organiser,
        mouId,
        { bytes: document.buffer, mediaType: document.mimetype || 'application/octet-stream' },
        language,
        idempotencyKeyOf(body),
      );
    });
  }

  /** A form of the MoU's page: on success back to the page (POST-redirect-GET), else the page again with the form's errors beside its fields. */
  private async send(
    page: PageContext,
    request: Request,
    response: Response,
    params: Record<string, string>,
    body: Record<string, unknown>,
    form: MouForm,
    done: MouDone,
    action: (organiser: OrganiserApi, mouId: string, form: FormBody) => Promise<Sent<unknown>>,
  ): Promise<void> {
    const missionId = missionIdOf(params.missionId ?? '');
    const mouId = missionIdOf(params.mouId ?? '');
    assertSameOrigin(request, this.config.allowedOrigins);
    const organiser = new OrganiserApi(this.api, request);
    // The organiser must be this mission's, and the MoU one of its own, before anything is sent about it.
    await assertOrganiserOf(organiser, missionId);
    await mouOf(organiser, missionId, mouId);
    const fields = fieldsOf(body);
    const formBody = formBodyOf(form, fields);
    const outcome = await action(organiser, mouId, formBody);
    if (outcome.done) return response.redirect(303, `/console/m/${missionId}/mous/${mouId}?done=${done}#${sectionOf[form]}`);
    const { problem } = outcome;
    response
      .status(statusOf(problem))
      .type('html')
      .send(await this.page(page, organiser, missionId, mouId, { refused: { form, problem, errors: formErrorsOf(problem, formBody.fieldOf), fields } }));
  }

  private async page(
    page: PageContext,
    organiser: OrganiserApi,
    missionId: string,
    mouId: string,
    extra: Pick<Parameters<typeof mouPage>[1], 'done' | 'refused'>,
  ) {
    await assertOrganiserOf(organiser, missionId);
    const [mission, record] = await Promise.all([organiser.mission(missionId), mouRecordOf(organiser, missionId, mouId)]);
    return mouPage(page, { mission, record, keys: { version: randomUUID(), project: randomUUID(), milestone: randomUUID() }, ...extra });
  }
}

const sectionOf: Record<MouForm, string> = {
  status: 'lifecycle-heading',
  visibility: 'visibility-heading',
  version: 'versions-heading',
  project: 'projects-heading',
  milestone: 'milestones-heading',
  complete: 'milestones-heading',
};

function formBodyOf(form: MouForm, fields: Record<string, string>): FormBody {
  switch (form) {
    case 'status':
      return moveOf(fields);
    case 'project':
      return pilotProjectOf(fields);
    case 'milestone':
      return milestoneOf(fields);
    case 'visibility':
      return { body: {}, fieldOf: () => 'visibility' };
    case 'version':
      return { body: {}, fieldOf: (path) => (path === 'language' ? 'language' : 'document') };
    case 'complete':
      return { body: {}, fieldOf: () => '' };
  }
}

/** A refusal's status for the page that shows it; a service's failure is the web entry's 502. */
function statusOf(problem: ProblemDetails): number {
  return problem.status >= 500 ? 502 : problem.status;
}
