import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { HistoryService } from '../history/history.service.js';
import { MouRegister } from './mou-register.js';
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
import { csvColumns, toCsvRecord, toMouSummary, type MouRow } from './mou.view.js';
import { MousService } from './mous.service.js';

@ApiTags('mous')
@Controller('mous')
export class MousController {
  constructor(
    private readonly mous: MousService,
    private readonly register: MouRegister,
    private readonly history: HistoryService,
  ) {}

  @Post()
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  create(@CurrentCaller() caller: Caller, @Body({ schema: createMouSchema }) body: CreateMou) {
    return this.mous.create(caller, body);
  }

  /** The public register (organisers also see their organisers-only MoUs). */
  @Get()
  list(@CurrentCaller() caller: Caller, @Query({ schema: registerQuery }) query: RegisterQuery) {
    const { limit, cursor, ...filters } = query;
    return this.register.page(caller, filters, { limit, cursor });
  }

  /** The whole register with the same filters, as CSV or as one JSON array. */
  @Get('export')
  @ApiProduces('text/csv', 'application/json')
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
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.mous.get(caller, id);
  }

  @Patch(':id')
  @Access('organiser')
  @ApiBearerAuth()
  update(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: updateMouSchema }) body: UpdateMou) {
    return this.mous.update(caller, id, body);
  }

  /** A step of the lifecycle; a refused one is a 409 naming the allowed ones. */
  @Post(':id/status')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  transition(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: transitionSchema }) body: Transition) {
    return this.mous.transition(caller, id, body);
  }

  /** The audit trail: every change, each entry chained by hash to the one before. */
  @Get(':id/history')
  historyOf(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.history.list(caller, id);
  }

  /** Recomputes the chain: intact, or the first entry where it breaks. */
  @Get(':id/history/verify')
  verify(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.history.verify(caller, id);
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
