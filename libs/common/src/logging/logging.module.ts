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
      mixin: () => eventLogContext.getStore() ?? {},
      autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      quietReqLogger: true,
    },
    // SSE streams and health probes should not log a line per request.
    exclude: [],
  });
}
