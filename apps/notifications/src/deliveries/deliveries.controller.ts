import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Controller, Get, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { deliveryListQuery, type DeliveryListQuery } from './delivery.schema.js';
import { deliveryPage } from './delivery.view.js';
import { DeliveriesService } from './deliveries.service.js';

@ApiTags('deliveries')
@Controller('missions')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  /** The mission's delivery log, oldest first: who was told what, and whether it arrived. */
  @Get(':id/deliveries')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description:
      "A page of the mission's delivery log, oldest first (of one `status` with `?status=`): who was mailed what, for which event, and whether it went out.",
    standardSchema: deliveryPage,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, or a query parameter (a cursor of another list, say) is not valid; `errors` names each.',
  )
  @ApiAccessProblems('The token is not an organiser of this mission.')
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string, @Query({ schema: deliveryListQuery }) query: DeliveryListQuery) {
    return this.deliveries.list(caller, id, query);
  }
}
