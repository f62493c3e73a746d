import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { startTime } from 'pino-http';
import type { ServiceConfig } from '../config/service-config.js';
import { eventLogContext } from './event-log-context.js';

/** Structured JSON logs (pino); lines written while an event is handled carry its ids. */
export function loggingModule(config: ServiceConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      name: config.service,
      genReqId: (request, response) => {
        const id = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      // A copy: pino merges each line's fields into what the mixin returns.
      mixin: () => ({ ...eventLogContext.getStore() }),
      autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
      // A request that went well is a debug line: at info, a line per registration was a write per request on the
      // hot path (docs/benchmarks.md); refusals and slow answers stay at info, failures above. /metrics counts them all.
      customLogLevel: (_request, response, error) => requestLogLevel(response.statusCode, error, responseTimeOf(response)),
      // One short line per request; headers (and the tokens in them) stay out of the logs.
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url.split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      quietReqLogger: true,
    },
  });
}

/** Milliseconds since the request started, as pino-http noted it on the response. */
function responseTimeOf(response: object): number {
  const startedAt = (response as Record<symbol, unknown>)[startTime];
  return typeof startedAt === 'number' ? Date.now() - startedAt : 0;
}

/** The level of a request's line: failures are errors, refusals and answers slower than a second info, the rest debug. */
export function requestLogLevel(status: number, error: unknown, elapsedMs: number): 'error' | 'info' | 'debug' {
  if (error || status >= 500) return 'error';
  if (status >= 400 || elapsedMs >= 1000) return 'info';
  return 'debug';
}
