import {
  assertOrganiserOf,
  encodeCursor,
  Problem,
  seqOfCursor,
  SERVICE_CONFIG,
  Transactions,
  type Caller,
  type Page,
  type ServiceConfig,
  type UnitOfWork,
} from '#common';
import type { CloudEvent } from '#contracts';
import { OutboxRelay } from '#messaging';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { resolvedProblem, urlProblem } from './webhook-http.js';
import { WebhookDispatchService } from './webhook-dispatch.service.js';
import { namedIdsOf, patternProblem } from './webhook.rules.js';
import type { CreateEndpoint, RotateSecret, WebhookLogQuery } from './webhook.schema.js';
import { newWebhookSecret } from './webhook-signature.js';
import { toAttemptView, toDeliveryView, toEndpointView, type EndpointView } from './webhook.view.js';
import { WebhooksRepository, type EndpointRow } from './webhooks.repository.js';

/** Endpoints a mission may have at once: each event costs a delivery per endpoint. */
const MAX_ENDPOINTS_PER_MISSION = 20;

/** Organisers' webhook endpoints, the queueing of events for them, and their logs (docs/DESIGN.md, Webhooks). */
@Injectable()
export class WebhooksService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly webhooks: WebhooksRepository,
    private readonly dispatcher: WebhookDispatchService,
    private readonly relay: OutboxRelay,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Notifications' own events are queued as its relay publishes them, with their mark: they are not consumed back. */
  onModuleInit(): void {
    this.relay.alsoWhenPublished((unit, published) => {
      for (const row of published) this.queue(unit, JSON.parse(row.payload) as CloudEvent);
    });
  }

  async create(caller: Caller, missionId: string, body: CreateEndpoint): Promise<EndpointView & { secret: string }> {
    assertOrganiserOf(caller, missionId);
    const url = body.url.trim();
    const errors = body.eventTypes.flatMap((pattern, i) => {
      const problem = patternProblem(pattern);
      return problem ? [{ field: `eventTypes.${i}`, message: problem }] : [];
    });
    const problem = urlProblem(url, this.config.webhooks) ?? (await resolvedProblem(url, this.config.webhooks));
    if (problem) errors.unshift({ field: 'url', message: problem });
    if (errors.length > 0) throw Problem.validation(errors);
    const secret = newWebhookSecret();
    const row = await this.transactions.run(async (unit) => {
      const existing = await this.webhooks.endpointsOfMission(unit, missionId);
      if (existing.length >= MAX_ENDPOINTS_PER_MISSION) {
        throw Problem.conflict(
          'too-many-endpoints',
          'The mission has as many webhook endpoints as it may',
          `At most ${MAX_ENDPOINTS_PER_MISSION}; delete one first.`,
        );
      }
      return this.webhooks.insertEndpoint(unit, {
        id: randomUUID(),
        missionId,
        url,
        description: body.description ?? null,
        contactEmail: body.contactEmail ?? null,
        language: body.language ?? 'en',
        eventTypes: [...new Set(body.eventTypes)],
        secret,
        createdBy: caller.kind === 'organiser' ? caller.subject : 'unknown',
      });
    });
    return { ...toEndpointView(row), secret };
  }

  async list(caller: Caller, missionId: string): Promise<{ items: EndpointView[] }> {
    assertOrganiserOf(caller, missionId);
    const rows = await this.webhooks.endpointsOfMission(this.transactions.outside, missionId);
    return { items: rows.map(toEndpointView) };
  }

  async get(caller: Caller, missionId: string, id: string): Promise<EndpointView> {
    assertOrganiserOf(caller, missionId);
    return toEndpointView(await this.found(this.transactions.outside, missionId, id));
  }

  async remove(caller: Caller, missionId: string, id: string): Promise<void> {
    assertOrganiserOf(caller, missionId);
    if (!(await this.webhooks.deleteEndpoint(this.transactions.outside, missionId, id))) throw Problem.notFound('webhook endpoint', id);
  }

  async rotate(caller: Caller, missionId: string, id: string, body: RotateSecret): Promise<EndpointView & { secret: string }> {
    assertOrganiserOf(caller, missionId);
    const secret = newWebhookSecret();
    const overlapMs = body.overlapSeconds !== undefined ? body.overlapSeconds * 1000 : this.config.webhooks.secretOverlapMs;
    const row = await this.webhooks.rotateSecret(this.transactions.outside, missionId, id, secret, overlapMs);
    if (!row) throw Problem.notFound('webhook endpoint', id);
    return { ...toEndpointView(row), secret };
  }

  async enable(caller: Caller, missionId: string, id: string): Promise<EndpointView> {
    assertOrganiserOf(caller, missionId);
    const row = await this.webhooks.enable(this.transactions.outside, missionId, id);
    if (!row) throw Problem.notFound('webhook endpoint', id);
    return toEndpointView(row);
  }

  async deliveries(caller: Caller, missionId: string, id: string, query: WebhookLogQuery) {
    assertOrganiserOf(caller, missionId);
    await this.found(this.transactions.outside, missionId, id);
    const rows = await this.webhooks.pageOfDeliveries(this.transactions.outside, id, { afterSeq: seqOfCursor(query.cursor), limit: query.limit + 1 });
    return pageOf(rows, query.limit, toDeliveryView);
  }

  async attempts(caller: Caller, missionId: string, id: string, query: WebhookLogQuery) {
    assertOrganiserOf(caller, missionId);
    await this.found(this.transactions.outside, missionId, id);
    const rows = await this.webhooks.pageOfAttempts(this.transactions.outside, id, { afterSeq: seqOfCursor(query.cursor), limit: query.limit + 1 });
    return pageOf(rows, query.limit, toAttemptView);
  }

  async redeliver(caller: Caller, missionId: string, id: string, deliveryId: string): Promise<void> {
    assertOrganiserOf(caller, missionId);
    const endpoint = await this.found(this.transactions.outside, missionId, id);
    if (endpoint.status === 'disabled') {
      throw Problem.conflict('endpoint-disabled', 'The endpoint is disabled', 'Enable it first (POST …/enable); its deliveries are not sent meanwhile.');
    }
    const outcome = await this.transactions.run((unit) => this.webhooks.redeliver(unit, id, deliveryId));
    if (outcome === 'missing') throw Problem.notFound('webhook delivery', deliveryId);
    if (outcome === 'erased')
      throw Problem.conflict('payload-erased', 'A participant the event names was erased', 'Its payload is no longer kept, and is not sent.');
    this.dispatcher.wake();
  }

  /**
   * Queues `event` for every enabled endpoint of its mission whose patterns take its type, in `unit`
   * (the message's batch): matched in the statement that stores it, so an event nobody subscribes to
   * costs no round trip and writes nothing; sent after it commits.
   */
  queue(unit: UnitOfWork, event: CloudEvent): void {
    const missionId = missionOf(event);
    if (!missionId) return;
    // The erasure notice names whom it erased and nothing personal: it goes to those who subscribe to it.
    const namedIds = event.type === 'participant.erased' ? [] : namedIdsOf(event.data);
    const queued = this.webhooks.deferQueue(unit, { id: event.id, type: event.type, missionId, body: JSON.stringify(event), namedIds });
    unit.afterCommit(() => {
      queued.result.then(
        (rows) => {
          if (rows.length > 0) this.dispatcher.wake();
        },
        () => undefined,
      );
    });
  }

  erase(unit: UnitOfWork, registrationId: string): Promise<void> {
    return this.webhooks.erase(unit, registrationId);
  }

  private async found(unit: UnitOfWork, missionId: string, id: string): Promise<EndpointRow> {
    const row = await this.webhooks.endpoint(unit, missionId, id);
    if (!row) throw Problem.notFound('webhook endpoint', id);
    return row;
  }
}

function missionOf(event: CloudEvent): string | null {
  return event.missionid ?? (event.data as { missionId?: string | null }).missionId ?? null;
}

function pageOf<Row extends { seq: string }, View>(rows: Row[], limit: number, view: (row: Row) => View): Page<View> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(view), nextCursor: rows.length > limit && last ? encodeCursor([last.seq]) : null };
}
