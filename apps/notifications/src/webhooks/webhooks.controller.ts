import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createEndpointSchema, rotateSecretSchema, webhookLogQuery, type CreateEndpoint, type RotateSecret, type WebhookLogQuery } from './webhook.schema.js';
import { endpointListView, endpointView, endpointWithSecretView, webhookAttemptPage, webhookDeliveryPage } from './webhook.view.js';
import { WebhooksService } from './webhooks.service.js';

const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';
const NO_SUCH_ENDPOINT = 'The mission has no webhook endpoint with this id.';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('missions/:id/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Access('organiser')
  @ApiCreatedResponse({ description: 'The endpoint, enabled, with its secret: shown this once only.', standardSchema: endpointWithSecretView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'A field is not valid: the URL is not https:// (or http:// where allowed), is on a private, loopback, link-local or other special-use address (or resolves to one), or a pattern matches no event type; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.CONFLICT, 'too-many-endpoints', 'The mission has 20 endpoints already.')
  create(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Body({ schema: createEndpointSchema }) body: CreateEndpoint) {
    return this.webhooks.create(caller, missionId, body);
  }

  @Get()
  @Access('organiser')
  @ApiOkResponse({ description: "The mission's webhook endpoints, oldest first (never their secrets).", standardSchema: endpointListView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.webhooks.list(caller, missionId);
  }

  @Get(':endpointId')
  @Access('organiser')
  @ApiOkResponse({ description: 'The endpoint.', standardSchema: endpointView })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_ENDPOINT)
  get(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('endpointId', new UuidParamPipe()) id: string) {
    return this.webhooks.get(caller, missionId, id);
  }

  @Delete(':endpointId')
  @HttpCode(204)
  @Access('organiser')
  @ApiNoContentResponse({ description: 'The endpoint and its log are gone; nothing more is sent to it.' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_ENDPOINT)
  async remove(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('endpointId', new UuidParamPipe()) id: string) {
    await this.webhooks.remove(caller, missionId, id);
  }

  @Post(':endpointId/rotate-secret')
  @HttpCode(200)
  @Access('organiser')
  @ApiOkResponse({
    description: 'The endpoint with its new secret (shown this once only); until `previousSecretValidUntil` every delivery carries both signatures.',
    standardSchema: endpointWithSecretView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or `overlapSeconds` is not valid.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_ENDPOINT)
  rotate(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('endpointId', new UuidParamPipe()) id: string,
    @Body({ schema: rotateSecretSchema }) body: RotateSecret,
  ) {
    return this.webhooks.rotate(caller, missionId, id, body ?? {});
  }

  @Post(':endpointId/enable')
  @HttpCode(200)
  @Access('organiser')
  @ApiOkResponse({
    description: 'The endpoint, enabled again: new events are delivered to it (what failed meanwhile is redelivered by hand).',
    standardSchema: endpointView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_ENDPOINT)
  enable(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('endpointId', new UuidParamPipe()) id: string) {
    return this.webhooks.enable(caller, missionId, id);
  }

  @Get(':endpointId/deliveries')
  @Access('organiser')
  @ApiOkResponse({ description: "A page of the endpoint's deliveries, newest first: one per event, with its status.", standardSchema: webhookDeliveryPage })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or a query parameter is not valid.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_ENDPOINT)
  deliveries(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('endpointId', new UuidParamPipe()) id: string,
    @Query({ schema: webhookLogQuery }) query: WebhookLogQuery,
  ) {
    return this.webhooks.deliveries(caller, missionId, id, query);
  }

  @Get(':endpointId/attempts')
  @Access('organiser')
  @ApiOkResponse({
    description: "A page of the endpoint's log, newest first: each attempt, its status code, duration and error.",
    standardSchema: webhookAttemptPage,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID, or a query parameter is not valid.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_ENDPOINT)
  attempts(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('endpointId', new UuidParamPipe()) id: string,
    @Query({ schema: webhookLogQuery }) query: WebhookLogQuery,
  ) {
    return this.webhooks.attempts(caller, missionId, id, query);
  }

  @Post(':endpointId/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @Access('organiser')
  @ApiAcceptedResponse({ description: 'The delivery is due now: one more attempt (or its next retry, brought forward).' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'An id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No such endpoint of the mission, or no such delivery of the endpoint.')
  @ApiProblem(HttpStatus.CONFLICT, 'endpoint-disabled', 'The endpoint is disabled: enable it first.')
  @ApiProblem(HttpStatus.CONFLICT, 'payload-erased', 'A participant the event names was erased: its payload is not kept.')
  async redeliver(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('endpointId', new UuidParamPipe()) id: string,
    @Param('deliveryId', new UuidParamPipe()) deliveryId: string,
  ) {
    await this.webhooks.redeliver(caller, missionId, id, deliveryId);
    return { status: 'queued' };
  }
}
