import type { Page as ListPage } from '#common';
import { Controller, Get, Header, Inject, Param, Query, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { Page, type PageContext } from '../../kit/page-context.js';
import { ServiceApi } from '../../kit/service-api.js';
import { WEB_CONFIG } from '../../web-config.provider.js';
import type { WebConfig } from '../../web-config.js';
import { ConsoleRefusalFilter } from '../console-refusal.filter.js';
import { missionIdOf, OrganiserApi, queryOf } from '../organiser-api.js';
import { deliveriesPage, deliveryStatuses, type DeliveryItem, type DeliveryStatus } from './deliveries.page.js';

/** `/console/m/:missionId/deliveries`: notifications' delivery log of the mission. */
@Controller('console/m/:missionId/deliveries')
@UseFilters(ConsoleRefusalFilter)
export class DeliveriesController {
  constructor(
    private readonly api: ServiceApi,
    @Inject(WEB_CONFIG) private readonly config: WebConfig,
  ) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async list(
    @Page() page: PageContext,
    @Req() request: Request,
    @Param('missionId') missionParam: string,
    @Query() query: Record<string, unknown>,
  ): Promise<string> {
    const missionId = missionIdOf(missionParam);
    const organiser = new OrganiserApi(this.api, request);
    const status = (deliveryStatuses as readonly unknown[]).includes(query.status) ? (query.status as DeliveryStatus) : undefined;
    const cursor = typeof query.cursor === 'string' && query.cursor ? query.cursor : undefined;
    const log = await organiser.read<ListPage<DeliveryItem>>(
      'notifications',
      `/api/missions/${missionId}/deliveries${queryOf({ status, cursor, limit: '50' })}`,
    );
    const mission = await organiser.mission(missionId);
    return deliveriesPage(page, { mission, items: log.items, status, cursor, nextCursor: log.nextCursor, devMail: this.config.devMail });
  }
}
