import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { eventCatalogue, type EventData, type EventType, type Producer } from './catalogue.js';
import { cloudEventEnvelope, type CloudEventEnvelope } from './envelope.js';

export interface CloudEvent<T extends EventType = EventType> extends Omit<CloudEventEnvelope, 'type' | 'data'> {
  type: T;
  data: EventData<T>;
}

/** Why an event was refused: it never reaches a handler, it is dead-lettered with this reason. */
export class EventContractError extends Error {
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'EventContractError';
  }
}

export interface EventContext {
  /** The aggregate the event is about. */
  subject: string;
  missionId?: string | null;
  /** The event (or request) this one follows from: correlation is carried over, causation points at it. */
  causedBy?: Pick<CloudEventEnvelope, 'id' | 'correlationid'> | { correlationId: string };
  id?: string;
  time?: Date;
}

export function createEvent<T extends EventType>(producer: Producer, type: T, data: EventData<T>, context: EventContext): CloudEvent<T> {
  const entry = eventCatalogue[type];
  if (!entry) throw new EventContractError(`unknown event type ${type}`);
  if (entry.producer !== producer) throw new EventContractError(`${producer} does not produce ${type}; ${entry.producer} does`);
  const id = context.id ?? randomUUID();
  const cause = context.causedBy;
  const event = {
    specversion: '1.0' as const,
    id,
    source: sourceOf(producer),
    type,
    time: (context.time ?? new Date()).toISOString(),
    subject: context.subject,
    datacontenttype: 'application/json' as const,
    dataversion: '1',
    ...(context.missionId ? { missionid: context.missionId } : {}),
    correlationid: cause ? ('correlationId' in cause ? cause.correlationId : cause.correlationid) : id,
    ...(cause && 'id' in cause ? { causationid: cause.id } : {}),
    data,
  };
  return parseEvent(event) as CloudEvent<T>;
}

/** Checks an envelope and its data against the contract of its type and dataversion. */
export function parseEvent(raw: unknown): CloudEvent {
  const envelope = cloudEventEnvelope.safeParse(raw);
  if (!envelope.success) throw new EventContractError('malformed CloudEvent envelope', issuesOf(envelope.error));
  const { type, dataversion } = envelope.data;
  const entry = eventCatalogue[type];
  if (!entry) throw new EventContractError(`unknown event type ${type}`);
  const schema = entry.versions[dataversion];
  if (!schema) throw new EventContractError(`unknown dataversion ${dataversion} of ${type}`);
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) throw new EventContractError(`data does not match ${type} v${dataversion}`, issuesOf(data.error));
  return { ...envelope.data, data: data.data } as CloudEvent;
}

/** The CloudEvent `source` of everything a producer publishes. */
export function sourceOf(producer: Producer): string {
  return `/mission-hub/${producer}`;
}

/**
 * Why an event may not be believed, or undefined when it may: its \`source\` must be the service that
 * owns its type (\`eventCatalogue\`), so that no service can speak for another (scheduling takes a
 * participant's access-token hash from \`registration.*\` events).
 */
export function sourceMismatch(event: Pick<CloudEventEnvelope, 'type' | 'source'>): string | undefined {
  const owner = eventCatalogue[event.type]?.producer;
  if (!owner) return `unknown event type ${event.type}`;
  const expected = sourceOf(owner);
  return event.source === expected ? undefined : `source ${event.source} does not own ${event.type}: only ${expected} publishes it`;
}

export function isEventType(type: string): type is EventType {
  return type in eventCatalogue;
}

function issuesOf(error: z.ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
