import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { NextFunction, Request, Response } from 'express';
import { useAsyncLocalContext } from './async-local-context.js';

/** Where a W3C trace context travels: HTTP headers, or a CloudEvent's distributed-tracing attributes. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

const w3c = new W3CTraceContextPropagator();
const carrierGetter = {
  keys: (carrier: TraceCarrier) => Object.keys(carrier),
  get: (carrier: TraceCarrier, key: string) => carrier[key as keyof TraceCarrier],
};

/** The context a carrier names (its `traceparent`, if valid), for a span to start under; the root when none. */
export function contextOf(carrier: TraceCarrier): Context {
  return carrier.traceparent ? w3c.extract(ROOT_CONTEXT, carrier, carrierGetter) : ROOT_CONTEXT;
}

/**
 * The trace context of the work under way, as CloudEvent attributes (`traceparent`, `tracestate`);
 * nothing when no span is active, which is always the case with tracing off.
 */
export function activeTraceCarrier(): TraceCarrier | undefined {
  const active = context.active();
  if (!trace.getSpan(active)) return undefined;
  const carrier: TraceCarrier = {};
  w3c.inject(active, carrier, { set: (target, key, value) => (target[key as keyof TraceCarrier] = value) });
  return carrier.traceparent ? carrier : undefined;
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** What the span continues (an incoming request's or an event's trace context); the active context when absent. */
  parent?: Context;
}

/**
 * The tracer of one application instance. Off unless `OTEL_EXPORTER_OTLP_ENDPOINT` is set or an
 * exporter is given (a test's in-memory one): then no SDK is started, no context is tracked, and
 * every method returns at once. Each instance has its own provider, named for its service, so
 * several services in one test process export as themselves.
 */
export class Tracing {
  private provider?: BasicTracerProvider;
  private tracer?: Tracer;
  /** A given exporter (a test's) is shared by several applications: flushed at shutdown, not shut. */
  private sharedExporter = false;

  constructor(
    readonly service: string,
    env: NodeJS.ProcessEnv = process.env,
  ) {
    // The exporter reads the endpoint (and OTEL_EXPORTER_OTLP_HEADERS…) from the environment itself.
    if (env.OTEL_EXPORTER_OTLP_ENDPOINT) this.exportTo(new OTLPTraceExporter(), 'batched');
  }

  get enabled(): boolean {
    return this.tracer !== undefined;
  }

  /** Starts tracing to `exporter`; `each` hands every span over as it ends (tests), `batched` in the background. */
  exportTo(exporter: SpanExporter, mode: 'each' | 'batched' = 'each'): void {
    if (this.provider) throw new Error(`${this.service} already exports its traces`);
    this.sharedExporter = mode === 'each';
    useAsyncLocalContext();
    // The W3C propagator also for code that uses the API's global propagation.
    propagation.setGlobalPropagator(w3c);
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': this.service }),
      spanProcessors: [mode === 'each' ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
    });
    this.tracer = this.provider.getTracer('mission-hub');
  }

  /** A span the caller ends; undefined with tracing off. */
  startSpan(name: string, options: SpanOptions): Span | undefined {
    return this.tracer?.startSpan(name, { kind: options.kind, attributes: options.attributes }, options.parent ?? context.active());
  }

  /** Runs `work` in a span (the active one while it runs), ended with its outcome; just `work` with tracing off. */
  async inSpan<T>(name: string, options: SpanOptions, work: () => Promise<T>): Promise<T> {
    const span = this.startSpan(name, options);
    if (!span) return work();
    try {
      return await context.with(trace.setSpan(options.parent ?? context.active(), span), work);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : undefined });
      throw error;
    } finally {
      span.end();
    }
  }

  /**
   * A server span per request, continuing the caller's `traceparent` if it sent one, active for
   * everything the request does (so the events it records carry it). Mounted after the body
   * parsers: a stream's callbacks would otherwise run outside the request's context.
   */
  httpMiddleware(): (request: Request, response: Response, next: NextFunction) => void {
    return (request, response, next) => {
      if (!this.tracer) return next();
      const parent = contextOf(request.headers as TraceCarrier);
      const span = this.tracer.startSpan(request.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } }, parent);
      const end = () => {
        const route = (request.route as { path?: unknown } | undefined)?.path;
        if (typeof route === 'string') {
          span.updateName(`${request.method} ${request.baseUrl}${route}`);
          span.setAttribute('http.route', `${request.baseUrl}${route}`);
        }
        span.setAttribute('http.response.status_code', response.statusCode);
        if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
      response.once('finish', end);
      response.once('close', () => {
        if (!response.writableFinished) end();
      });
      context.with(trace.setSpan(parent, span), next);
    };
  }

  /** Exports what is left; the application's shutdown calls it. */
  async shutdown(): Promise<void> {
    const provider = this.provider;
    this.provider = undefined;
    this.tracer = undefined;
    if (this.sharedExporter) await provider?.forceFlush();
    else await provider?.shutdown();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.shutdown();
  }
}

export { SpanKind };
