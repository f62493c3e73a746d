import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { pinoHttp, type Options } from 'pino-http';
import type { WebConfig } from './web-config.js';

/**
 * The path only, never the query: `/p/sign-in?link=…` carries a credential, and so may an
 * EventSource's URL. Headers (cookies, tokens) stay out too.
 */
function options(config: WebConfig): Options {
  return {
    level: config.logLevel,
    name: 'web',
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const id = (request.headers['x-request-id'] as string | undefined) ?? randomUUID();
      response.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({ id: request.id, method: request.method, url: request.url.split('?')[0] }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    quietReqLogger: true,
  };
}

/** One line per request, pages and `/api/…` alike: mounted before everything else. */
export function requestLogging(config: WebConfig) {
  return pinoHttp({
    ...options(config),
    autoLogging: { ignore: (request) => request.url?.startsWith('/health') || request.url?.startsWith('/assets/') || false },
  });
}

/** Nest's own logger, on pino too; the request line is `requestLogging`'s. */
export function webLoggingModule(config: WebConfig) {
  return LoggerModule.forRoot({ pinoHttp: { ...options(config), autoLogging: false } });
}
