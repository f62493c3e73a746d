import { context, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { activeTraceCarrier, contextOf, Tracing } from './tracing.js';

describe('Tracing', () => {
  it('is off without an OTLP endpoint or an exporter: no span, no context, the work just runs', async () => {
    const tracing = new Tracing('registration', {});
    expect(tracing.enabled).toBe(false);
    expect(tracing.startSpan('x', { kind: SpanKind.INTERNAL })).toBeUndefined();
    await expect(tracing.inSpan('x', { kind: SpanKind.INTERNAL }, async () => activeTraceCarrier())).resolves.toBeUndefined();
  });

  it('carries the active span into an event’s attributes, and a consumer continues it from them', async () => {
    const spans = new InMemorySpanExporter();
    const producer = new Tracing('registration', {});
    producer.exportTo(spans);
    const consumer = new Tracing('scheduling', {});
    consumer.exportTo(spans);

    const carrier = await producer.inSpan('POST /api/x', { kind: SpanKind.SERVER }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return activeTraceCarrier();
    });
    expect(carrier?.traceparent).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-01$/);
    await consumer.inSpan('registration.confirmed process', { kind: SpanKind.CONSUMER, parent: contextOf(carrier!) }, async () => {
      expect(trace.getSpan(context.active())).toBeDefined();
    });

    const [request, handling] = spans.getFinishedSpans();
    expect(handling!.spanContext().traceId).toBe(request!.spanContext().traceId);
    expect(handling!.parentSpanContext?.spanId).toBe(request!.spanContext().spanId);
    expect([request!.resource.attributes['service.name'], handling!.resource.attributes['service.name']]).toEqual(['registration', 'scheduling']);
    await Promise.all([producer.shutdown(), consumer.shutdown()]);
  });

  it('starts a new trace from a malformed traceparent instead of failing', () => {
    expect(contextOf({ traceparent: 'not-a-trace' })).toBe(ROOT_CONTEXT);
    expect(contextOf({})).toBe(ROOT_CONTEXT);
  });
});
