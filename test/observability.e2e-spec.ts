import { randomBytes } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { call, openMission, registrationInput } from './support/api.js';
import { eventually } from './support/eventually.js';
import { useSystem } from './support/system.js';

/**
 * Operations (docs/DESIGN.md): one registration is one trace across the broker, and every service's
 * `/metrics` is valid Prometheus text holding what that registration did.
 */
describe('observability', () => {
  const spans = new InMemorySpanExporter();
  const system = useSystem({ services: ['scheduling', 'registration', 'notifications', 'dashboard', 'mou-registry'], spanExporter: spans });

  let missionId: string;
  let registrationId: string;
  const traceId = randomBytes(16).toString('hex');
  const callerSpanId = randomBytes(8).toString('hex');

  beforeAll(async () => {
    ({ missionId } = await openMission(system, { capacity: 10 }));
    const registered = await call(`${system.url('registration')}/api/missions/${missionId}/registrations`, {
      body: registrationInput(1),
      // The caller's own trace, as a browser's or a gateway's instrumentation would send it.
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
    });
    expect(registered.status).toBe(201);
    registrationId = registered.body.id;
  }, 60_000);

  it('traces one registration from the request through the broker into every consumer, under the caller’s trace id', async () => {
    const confirmed = await system.tap.waitFor('registration.confirmed', (event) => event.subject === registrationId);
    // The CloudEvents distributed-tracing extension: the event names the request's span.
    expect(confirmed.traceparent).toMatch(new RegExp(`^00-${traceId}-[\\da-f]{16}-01$`));

    const traced = await eventually(
      () => {
        const found = spans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
        const services = new Set(found.map(serviceOf));
        return ['registration', 'scheduling', 'notifications', 'dashboard'].every((service) => services.has(service)) ? found : undefined;
      },
      { what: 'spans of the registration in registration, scheduling, notifications and the dashboard', timeoutMs: 30_000 },
    );

    const request = traced.find((span) => serviceOf(span) === 'registration' && span.name === 'POST /api/missions/:id/registrations');
    expect(request).toBeDefined();
    expect(request!.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(request!.attributes['http.response.status_code']).toBe(201);
    const requestSpanId = request!.spanContext().spanId;
    expect(confirmed.traceparent).toBe(`00-${traceId}-${requestSpanId}-01`);

    const publish = traced.find((span) => serviceOf(span) === 'registration' && span.name === 'registration.confirmed publish');
    expect(publish?.parentSpanContext?.spanId).toBe(requestSpanId);
    for (const service of ['scheduling', 'notifications', 'dashboard']) {
      const handling = traced.find((span) => serviceOf(span) === service && span.name === 'registration.confirmed process');
      expect({ service, parent: handling?.parentSpanContext?.spanId }).toEqual({ service, parent: requestSpanId });
    }
  });

  it('answers GET /metrics on every service with Prometheus text holding the request and the handlings', async () => {
    const expositions = Object.fromEntries(
      await Promise.all(
        (['registration', 'scheduling', 'notifications', 'dashboard', 'mou-registry'] as const).map(async (service) => {
          const response = await fetch(`${system.url(service)}/metrics`);
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
          return [service, parseExposition(await response.text())] as const;
        }),
      ),
    );

    const registration = expositions.registration!;
    expect(
      value(registration, 'http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/missions/:id/registrations',
        status: '201',
        service: 'registration',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(registration.types.get('http_request_duration_seconds')).toBe('histogram');
    expect(value(registration, 'mission_hub_outbox_unpublished_events', { service: 'registration' })).toBeGreaterThanOrEqual(0);
    expect(value(registration, 'mission_hub_outbox_oldest_unpublished_age_seconds', { service: 'registration' })).toBeGreaterThanOrEqual(0);

    // The consumers count their handling once it is over: wait for it as the traces did.
    for (const service of ['scheduling', 'notifications', 'dashboard'] as const) {
      const handled = await eventually(
        async () => {
          const exposition = parseExposition(await (await fetch(`${system.url(service)}/metrics`)).text());
          const count = sum(exposition, 'mission_hub_event_handling_duration_seconds_count', { type: 'registration.confirmed', outcome: 'handled' });
          return count >= 1 ? exposition : undefined;
        },
        { what: `${service}'s handling of registration.confirmed in its metrics` },
      );
      // The handler by its class and method, not only its pattern.
      const handlers = matching(handled, 'mission_hub_event_handling_duration_seconds_count', { type: 'registration.confirmed' }).map(
        (sample) => sample.labels.handler,
      );
      expect(handlers.every((handler) => /^[A-Z]\w+\.\w+(\+[A-Z]\w+\.\w+)*$/.test(handler!))).toBe(true);
      expect(handled.types.get('mission_hub_event_handling_failures_total')).toBe('counter');
      expect(handled.types.get('mission_hub_event_retries_total')).toBe('counter');
      expect(handled.types.get('mission_hub_events_dead_lettered_total')).toBe('counter');
    }
    expect(value(expositions.notifications!, 'mission_hub_mail_deliveries', { status: 'pending', service: 'notifications' })).toBeGreaterThanOrEqual(0);
    expect(value(expositions.notifications!, 'mission_hub_mail_deliveries', { status: 'failed', service: 'notifications' })).toBe(0);
    expect(value(expositions.dashboard!, 'mission_hub_dashboard_sse_clients', { service: 'dashboard' })).toBe(0);
    expect(expositions['mou-registry']!.types.get('http_request_duration_seconds')).toBe('histogram');
  });
});

function serviceOf(span: ReadableSpan): string {
  return String(span.resource.attributes['service.name']);
}

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
}

/**
 * A strict reader of the Prometheus text format (0.0.4): every line is a HELP, a TYPE or a sample;
 * every sample belongs to a family declared before it (with a histogram's `_bucket`, `_sum` and
 * `_count`), its labels are well formed and unique, its value a number. Anything else throws.
 */
function parseExposition(text: string): Exposition {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const metricName = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  const labelPair = `([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`;
  const sampleLine = new RegExp(`^(${metricName})(?:\\{((?:${labelPair})(?:,${labelPair})*)?,?\\})? (\\S+)(?: (-?\\d+))?$`);
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) (.*)$/.exec(line);
    if (comment) {
      const [, kind, name, rest] = comment;
      if (!new RegExp(`^${metricName}$`).test(name!)) throw new Error(`bad metric name in ${line}`);
      if (kind === 'TYPE') {
        if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest!)) throw new Error(`bad type in ${line}`);
        if (types.has(name!)) throw new Error(`${name} typed twice`);
        types.set(name!, rest!);
      }
      continue;
    }
    if (line.startsWith('#')) throw new Error(`unexpected comment: ${line}`);
    const match = sampleLine.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const [, name, labelText = '', , , , , valueText] = match;
    const family = familyOf(name!, types);
    if (!family) throw new Error(`sample of an undeclared family: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, label, raw] of labelText.matchAll(new RegExp(labelPair, 'g'))) {
      if (label! in labels) throw new Error(`label ${label} twice in ${line}`);
      labels[label!] = raw!.replace(/\\(["\\n])/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    }
    const value = ['+Inf', '-Inf', 'NaN'].includes(valueText!) ? Number(valueText!.replace('Inf', 'Infinity')) : Number(valueText);
    if (!/^[-+]?(\d+\.?\d*(e[-+]?\d+)?|\.\d+|Inf|NaN)$/i.test(valueText!) || (Number.isNaN(value) && valueText !== 'NaN'))
      throw new Error(`bad value in ${line}`);
    if (types.get(family) === 'histogram' && name!.endsWith('_bucket') && !('le' in labels)) throw new Error(`bucket without le: ${line}`);
    samples.push({ name: name!, labels, value });
  }
  return { types, samples };
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const suffixed = /^(.*)_(bucket|sum|count|total|created)$/.exec(name);
  return suffixed && types.has(suffixed[1]!) ? suffixed[1] : undefined;
}

function matching(exposition: Exposition, name: string, labels: Record<string, string>): Sample[] {
  return exposition.samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, wanted]) => sample.labels[key] === wanted));
}

/** The value of the one sample with these labels (among others). */
function value(exposition: Exposition, name: string, labels: Record<string, string>): number {
  const found = matching(exposition, name, labels);
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name} with ${JSON.stringify(labels)}`);
  return found[0]!.value;
}

function sum(exposition: Exposition, name: string, labels: Record<string, string>): number {
  return matching(exposition, name, labels).reduce((total, sample) => total + sample.value, 0);
}
