import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
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
      // One short line per request; headers (and the tokens in them) stay out of the logs.
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url.split('?')[0] }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      quietReqLogger: true,
    },
  });
}
