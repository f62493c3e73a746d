import { Access, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { deliveryListQuery, type DeliveryListQuery } from './delivery.schema.js';
import { DeliveriesService } from './deliveries.service.js';

@ApiTags('deliveries')
@Controller('missions')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  /** The mission's delivery log, oldest first: who was told what, and whether it arrived. */
  @Get(':id/deliveries')
  @Access('organiser')
  @ApiBearerAuth()
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Query({ schema: deliveryListQuery }) query: DeliveryListQuery) {
    return this.deliveries.list(caller, id, query);
  }
}
