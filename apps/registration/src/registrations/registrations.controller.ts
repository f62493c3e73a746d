import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { registerSchema, registrationListQuery, rejectSchema, type Register, type RegistrationListQuery, type Reject } from './registration.schema.js';
import { csvColumns } from './registration.view.js';
import { RegistrationsService } from './registrations.service.js';

@ApiTags('registrations')
@Controller()
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  /** The public registration form. */
  @Post('missions/:id/registrations')
  @Idempotent()
  register(@Param('id', new UuidParamPipe()) missionId: string, @Body({ schema: registerSchema }) body: Register) {
    return this.registrations.register(missionId, body);
  }

  @Get('missions/:id/registrations')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiProduces('application/json', 'text/csv')
  async list(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Query({ schema: registrationListQuery }) query: RegistrationListQuery,
  ) {
    const { limit, cursor, format, ...filters } = query;
    if (format === 'json') return this.registrations.list(caller, missionId, filters, { limit, cursor });
    const { mission, records } = await this.registrations.export(caller, missionId, filters);
    const csv = stringify({ header: true, columns: [...csvColumns] });
    // An error half-way ends the response, which is all HTTP allows once the header row has gone out.
    pipeline(Readable.from(records), csv, () => {});
    return new StreamableFile(csv, { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="registrations-${mission.code}.csv"` });
  }

  @Get('registrations/:id')
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.get(caller, id);
  }

  @Post('registrations/:id/cancel')
  @HttpCode(200)
  @Access('organiser', 'participant')
  @ApiBearerAuth()
  cancel(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.cancel(caller, id);
  }

  @Post('registrations/:id/approve')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  approve(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.approve(caller, id);
  }

  @Post('registrations/:id/reject')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  reject(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Body({ schema: rejectSchema }) body: Reject) {
    return this.registrations.reject(caller, id, body?.reason ?? null);
  }

  @Post('registrations/:id/check-in')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  checkIn(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.registrations.checkIn(caller, id);
  }
}
