import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  Idempotent,
  openApiSchemaOf,
  UuidParamPipe,
  type Caller,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { z } from 'zod';
import { chainVerification, historyView } from '../history/history.view.js';
import { MouRegisterService } from './mou-register.service.js';
import {
  createMouSchema,
  exportQuery,
  registerQuery,
  transitionSchema,
  updateMouSchema,
  type CreateMou,
  type ExportQuery,
  type RegisterQuery,
  type Transition,
  type UpdateMou,
} from './mou.schema.js';
import { csvColumns, mouPage, mouSummaryView, mouView, toCsvRecord, toMouSummary } from './mou.view.js';
import type { MouRow } from './mous.repository.js';
import { MousService } from './mous.service.js';

const NO_SUCH_MOU = 'No MoU has this id.';
const NO_READABLE_MOU = 'No MoU has this id, or it is for organisers only and the token is not an organiser of its mission.';
const ORGANISERS_ONLY = "The token is not an organiser of the MoU's mission (of every mission, for an MoU of none).";
const ACROSS_FIELDS = 'a party named twice, a signatory for no party, an expiry before the entry into force';
const SIGNATORY_LINK = "a signatory's `registrationId` that is not a confirmed participant (of the MoU's mission) known to the registry";

@ApiTags('mous')
@Controller('mous')
export class MousController {
  constructor(
    private readonly mous: MousService,
    private readonly register: MouRegisterService,
  ) {}

  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({ description: 'The MoU, drafted, with its reference; `mou.drafted` announces it.', standardSchema: mouView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    `A field of the body is not valid (${ACROSS_FIELDS}, ${SIGNATORY_LINK}), or the Idempotency-Key is not; \`errors\` names each.`,
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  create(@CurrentCaller() caller: Caller, @Body({ schema: createMouSchema }) body: CreateMou, @CurrentIdempotencyKey() key: IdempotencyKey | undefined) {
    return this.mous.create(caller, body, key);
  }

  /** The public register (organisers also see their organisers-only MoUs). */
  @Get()
  @ApiOkResponse({
    description: 'A page of the register, newest first: the public MoUs, and for an organiser the organisers-only MoUs of their missions too.',
    standardSchema: mouPage,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'A query parameter (a cursor of another list, say) is not valid; `errors` names each.')
  list(@CurrentCaller() caller: Caller, @Query({ schema: registerQuery }) query: RegisterQuery) {
    const { limit, cursor, ...filters } = query;
    return this.register.page(caller, filters, { limit, cursor });
  }

  /** The whole register with the same filters, as CSV or as one JSON array. */
  @Get('export')
  @ApiOkResponse({
    description: `Every MoU of the register that matches the filters, newest first, as an attachment: CSV with the columns ${csvColumns.join(', ')} (\`?format=csv\`, the default), or one JSON array of the register's lines (\`?format=json\`).`,
    content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: openApiSchemaOf(z.array(mouSummaryView)) } },
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'A query parameter is not valid; `errors` names each.')
  export(@CurrentCaller() caller: Caller, @Query({ schema: exportQuery }) query: ExportQuery) {
    const { format, ...filters } = query;
    const rows = this.register.all(caller, filters);
    if (format === 'json') {
      return new StreamableFile(Readable.from(jsonArray(rows)), { type: 'application/json', disposition: 'attachment; filename="mous.json"' });
    }
    const csv = stringify({ header: true, columns: [...csvColumns] });
    // An error half-way ends the response, which is all HTTP allows once the header row has gone out.
    pipeline(Readable.from(csvRecords(rows)), csv, () => {});
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="mous.csv"' });
  }

  @Get(':id')
  @ApiOkResponse({ description: "The MoU; the signatories' links to participants for its organisers only.", standardSchema: mouView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_MOU)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.mous.get(caller, id);
  }

  @Patch(':id')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The MoU as it is now; `mou.updated` announces it.', standardSchema: mouView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    `The id is not a UUID, a field of the body is not valid, or the MoU as changed would not be (${ACROSS_FIELDS}, ${SIGNATORY_LINK}); \`errors\` names each.`,
  )
  @ApiAccessProblems("The token is not an organiser of the MoU's mission (of every mission, for an MoU of none), or of the mission `missionId` moves it to.")
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MOU)
  @ApiProblem(
    HttpStatus.CONFLICT,
    'mou-signed',
    'The MoU is signed: what was agreed (title, parties, signatories, signing, validity) changes only through an amendment; the problem has `fields` and `currentStatus`.',
  )
  update(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: updateMouSchema }) body: UpdateMou) {
    return this.mous.update(caller, id, body);
  }

  /** A step of the lifecycle; a refused one is a 409 naming the allowed ones. */
  @Post(':id/status')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description: 'The MoU in its new status; `mou.status_changed` announces it. Signing freezes the latest version of the text, with the date and place.',
    standardSchema: mouView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MOU)
  @ApiProblem(
    HttpStatus.CONFLICT,
    'invalid-transition',
    'The lifecycle has no such step from the current status (an MoU expires by itself, at its expiry date); the problem has `currentStatus` and `allowed`.',
  )
  @ApiProblem(
    HttpStatus.UNPROCESSABLE_ENTITY,
    'not-ready-to-sign',
    'Signing needs a date and a place (on the record or in the body), a version of the text and a signatory; `errors` names what is missing.',
  )
  transition(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: transitionSchema }) body: Transition) {
    return this.mous.transition(caller, id, body);
  }

  /** The audit trail: every change, each entry chained by hash to the one before. */
  @Get(':id/history')
  @ApiOkResponse({ description: 'Every change of the MoU, oldest first, each entry chained by hash to the one before.', standardSchema: historyView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_MOU)
  historyOf(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.mous.history(caller, id);
  }

  /** Recomputes the chain: intact, or the first entry where it breaks. */
  @Get(':id/history/verify')
  @ApiOkResponse({ description: 'The chain, recomputed now: intact, or the first entry where it breaks, and why.', standardSchema: chainVerification })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_READABLE_MOU)
  verify(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.mous.verifyHistory(caller, id);
  }
}

async function* csvRecords(rows: AsyncIterable<MouRow>) {
  for await (const row of rows) yield toCsvRecord(row);
}

async function* jsonArray(rows: AsyncIterable<MouRow>) {
  let first = true;
  yield '[';
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(toMouSummary(row))}`;
    first = false;
  }
  yield '\n]\n';
}
