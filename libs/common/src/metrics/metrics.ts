import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: from a quick read (5 ms) to a slow page or a long handler (10 s). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type GaugeCollector<Label extends string> = (set: (value: number, labels?: Partial<Record<Label, string>>) => void) => Promise<void> | void;

/**
 * The Prometheus registry of one application instance: several apps run in one test process, so
 * nothing goes to prom-client's global registry. Counters and histograms are updated in memory as
 * work happens; gauges that need the database are read when scraped (`gauge`), never per request.
 * docs/DESIGN.md, "Operations", lists every metric.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status; _count is the number of requests',
      labelNames: ['method', 'route', 'status'],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
  }

  /** The process's own figures (CPU, memory, event loop, GC): for a service that is its process (`runService`), not for apps sharing a test process. */
  collectProcessMetrics(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  histogram<Label extends string>(name: string, help: string, labelNames: readonly Label[]): Histogram<Label> {
    return new Histogram({ name, help, labelNames, buckets: DURATION_BUCKETS, registers: [this.registry] });
  }

  counter<Label extends string>(name: string, help: string, labelNames: readonly Label[]): Counter<Label> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge read at scrape time: `collect` sets its value(s), e.g. from one query. */
  gauge<Label extends string>(name: string, help: string, labelNames: readonly Label[], collect: GaugeCollector<Label>): Gauge<Label> {
    return new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await collect((value, labels) => (labels ? this.set(labels, value) : this.set(value)));
      },
    });
  }

  /** The exposition of every metric, as `GET /metrics` answers it. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  /**
   * Times every request by its route template (`/api/missions/:missionId`), never its path: the
   * number of series stays that of the routes. A request no route took is `unmatched`.
   */
  httpMiddleware(): (request: Request, response: Response, next: NextFunction) => void {
    return (request, response, next) => {
      const stop = this.httpDuration.startTimer();
      response.once('finish', () => stop({ method: request.method, route: routeOf(request), status: String(response.statusCode) }));
      next();
    };
  }

  /** `GET /metrics`: outside `/api`, so the web entry never forwards it (DESIGN.md, Operations). */
  endpoint(): (request: Request, response: Response) => void {
    return (_request, response) => {
      this.exposition().then(
        ({ contentType, body }) => void response.status(200).setHeader('Content-Type', contentType).send(body),
        (error: unknown) =>
          void response
            .status(500)
            .type('text/plain')
            .send(`metrics not collected: ${error instanceof Error ? error.message : String(error)}`),
      );
    };
  }
}

function routeOf(request: Request): string {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return typeof route === 'string' ? `${request.baseUrl}${route}` : 'unmatched';
}
