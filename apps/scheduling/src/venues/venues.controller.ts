import { Access, CurrentCaller, Idempotent, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { createVenueSchema, transferTimeSchema, type CreateVenue, type TransferTime } from './venue.schema.js';
import { VenuesService } from './venues.service.js';

@ApiTags('venues')
@Controller('missions/:id')
export class VenuesController {
  constructor(private readonly venues: VenuesService) {}

  @Post('venues')
  @Access('organiser')
  @ApiBearerAuth()
  @Idempotent()
  create(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Body({ schema: createVenueSchema }) body: CreateVenue) {
    return this.venues.create(caller, missionId, body);
  }

  @Get('venues')
  list(@Param('id', new UuidParamPipe()) missionId: string) {
    return this.venues.list(missionId);
  }

  /** The time a journey between two of the mission's cities takes, either way; set again to change it. */
  @Put('transfer-times')
  @Access('organiser')
  @ApiBearerAuth()
  setTransferTime(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Body({ schema: transferTimeSchema }) body: TransferTime,
  ) {
    return this.venues.setTransferTime(caller, missionId, body);
  }

  @Get('transfer-times')
  transferTimes(@Param('id', new UuidParamPipe()) missionId: string) {
    return this.venues.transferTimes(missionId);
  }
}
