import { z } from 'zod';
import { eventsByProducer, producers } from './catalogue.js';
import { cloudEventEnvelope } from './envelope.js';

/**
 * The AsyncAPI 3 document of every event, generated from the same zod schemas that publishers and
 * consumers check at run time, so the document cannot drift from the code.
 */
export function buildAsyncApiDocument(exchange = 'mission-hub.events'): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const envelope = z.toJSONSchema(cloudEventEnvelope.omit({ data: true }), { target: 'draft-07', io: 'input' }) as Record<string, any>;

  for (const producer of producers) {
    for (const [type, schema] of Object.entries(eventsByProducer[producer])) {
      const name = type.replace(/[^a-zA-Z0-9]/g, '_');
      const data = z.toJSONSchema(schema as z.ZodType, { target: 'draft-07', io: 'output', unrepresentable: 'any' }) as Record<string, any>;
      delete data.$schema;
      messages[name] = {
        name: type,
        title: type,
        summary: `${type}, published by ${producer}`,
        contentType: 'application/cloudevents+json',
        payload: {
          type: 'object',
          required: [...(envelope.required ?? []), 'data'],
          properties: {
            ...envelope.properties,
            type: { const: type },
            source: { const: `/mission-hub/${producer}` },
            dataversion: { const: '1' },
            data,
          },
        },
      };
      channels[name] = {
        address: type,
        description: `Routing key \`${type}\` on the topic exchange \`${exchange}\`.`,
        messages: { [name]: { $ref: `#/components/messages/${name}` } },
        bindings: {
          amqp: { is: 'routingKey', exchange: { name: exchange, type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: '0.3.0' },
        },
      };
      operations[`publish_${name}`] = {
        action: 'send',
        title: `${producer} publishes ${type}`,
        channel: { $ref: `#/channels/${name}` },
        messages: [{ $ref: `#/channels/${name}/messages/${name}` }],
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'mission-hub events',
      version: '1.0.0',
      description:
        'Every event of mission-hub: CloudEvents 1.0 structured JSON envelopes on one topic exchange, routed by their type. ' +
        'Generated from libs/contracts by `npm run asyncapi`; do not edit by hand.',
    },
    defaultContentType: 'application/cloudevents+json',
    servers: { local: { host: '127.0.0.1:5672', protocol: 'amqp', description: 'RabbitMQ of a local `npm start`' } },
    channels,
    operations,
    components: { messages },
  };
}
