import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { RequestMethod, type DynamicModule, type INestApplication } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ServiceConfig } from './config/service-config.js';
import { jsonBodiesOnly } from './http/json-only.middleware.js';
import { Metrics } from './metrics/metrics.js';
import { Tracing } from './tracing/tracing.js';
import { uploadGate } from './http/upload-gate.middleware.js';
import { problemContent } from './problems/problem-responses.js';

export interface ServiceApplicationOptions {
  title: string;
  description: string;
  /** The event consumer of the service, if it consumes events. */
  transport?: CustomTransportStrategy;
  /** Largest JSON body accepted. */
  bodyLimit?: string;
  /** Routes that take a document as their raw body instead of JSON (an upload by an organiser), each with its media types and size limit. */
  rawBodies?: { path: string; types: string[]; limit: string }[];
  /** Traces go here (a test's in-memory exporter) besides any OTLP endpoint configured. */
  spanExporter?: SpanExporter;
}

/** A transport that records into the application's metrics and traces (the event consumer). */
export interface InstrumentedTransport {
  /** `modules`: the application's, where the transport finds its handlers' names. */
  instrument(metrics: Metrics, tracing: Tracing, modules: ModulesContainer): void;
}

/**
 * Builds a service the same way for `main.ts` and for the tests: `/api` prefix, OpenAPI at
 * `/api/docs`, `/metrics`, request traces, problem responses, JSON bodies only, the event consumer,
 * graceful shutdown.
 */
export async function createServiceApplication(module: DynamicModule, config: ServiceConfig, options: ServiceApplicationOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const metrics = app.get(Metrics);
  const tracing = app.get(Tracing);
  if (options.spanExporter) tracing.exportTo(options.spanExporter);
  app.use(metrics.httpMiddleware());
  (app.getHttpAdapter().getInstance() as express.Express).get('/metrics', metrics.endpoint());
  for (const raw of options.rawBodies ?? []) app.use(raw.path, uploadGate(config, raw.limit), express.raw({ type: raw.types, limit: raw.limit }));
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { limit: options.bodyLimit ?? '64kb', type: ['application/json', 'application/*+json'] });
  app.use(tracing.httpMiddleware());
  // Outside /api: the health probes, and `/` for a service that serves a page there (the dashboard).
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health/{*path}', method: RequestMethod.ALL },
      { path: '/', method: RequestMethod.GET },
    ],
  });
  app.enableShutdownHooks();
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(options.title).setDescription(options.description).setVersion('1').addBearerAuth().build(),
  );
  describeProblems(document);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  if (options.transport) {
    if ('instrument' in options.transport) (options.transport as InstrumentedTransport).instrument(metrics, tracing, app.get(ModulesContainer));
    app.connectMicroservice({ strategy: options.transport }, { inheritAppConfig: true });
    await app.startAllMicroservices();
  }
  return app;
}

/** What a service started by a parent process with an IPC channel (the tests) tells it once it listens. */
export interface ServiceListening {
  type: 'listening';
  port: number;
}

/**
 * `main.ts` of every service: build, listen on the configured port (`PORT=0`: one the system
 * gives), say where, and tell a parent that started it with an IPC channel.
 */
export async function runService(module: DynamicModule, config: ServiceConfig, options: ServiceApplicationOptions): Promise<INestApplication> {
  const app = await createServiceApplication(module, config, options);
  app.get(Metrics).collectProcessMetrics();
  await app.listen(config.port, '0.0.0.0');
  const { port } = (app.getHttpServer() as { address(): AddressInfo }).address();
  const logger = app.get(Logger);
  if (config.usesDevelopmentSecret)
    logger.warn('Organiser tokens are checked with the development secret (JWT_SECRET unset, or set to it). Never do this in production.');
  if (config.developmentParticipantSecrets.length > 0)
    logger.warn(
      `${config.developmentParticipantSecrets.join(' and ')} unset (or set to the development value): anyone can mint participants' credentials. Never do this in production.`,
    );
  logger.log(`${config.service} listening on http://127.0.0.1:${port}/api (OpenAPI: /api/docs)`);
  if (process.send && process.connected) {
    process.send({ type: 'listening', port } satisfies ServiceListening);
    // The channel must not keep the service alive once its shutdown hooks have run.
    process.channel?.unref();
  }
  return app;
}

/** Every call answers its errors the same way (one filter), so the document says so once per operation. */
function describeProblems(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.Problem = {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri', example: 'https://mission-hub.dev/problems/validation' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        description: 'each invalid field, for a validation problem',
        items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
      },
    },
  };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      operation.responses.default ??= {
        description: 'An error, as RFC 9457 problem details (application/problem+json)',
        content: problemContent(),
      };
    }
  }
}
