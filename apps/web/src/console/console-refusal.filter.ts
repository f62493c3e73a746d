import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { translator } from '../kit/messages.js';
import { pageContextOf } from '../kit/page-context.js';
import { credentialOf } from '../kit/service-api.js';
import { refusalPage } from './console.layout.js';
import { consoleMessages } from './console.messages.js';
import { ConsoleRefusal } from './organiser-api.js';
import { signInPath } from './sign-in/sign-in.page.js';

const statusOf = { forbidden: 403, 'not-found': 404, unavailable: 503 } as const;

/**
 * A refused console page: to sign-in (coming back to the page afterwards) when the visitor has no
 * session or it has ended; otherwise a page that says why and shows no data. A script's call
 * (`Accept: application/json`) gets the same as a status and a sentence.
 */
@Catch(ConsoleRefusal)
export class ConsoleRefusalFilter implements ExceptionFilter {
  catch(refusal: ConsoleRefusal, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const page = pageContextOf(request, response);
    const wantsJson = request.accepts(['html', 'json']) === 'json';
    if (refusal.kind === 'sign-in') {
      // After a form post, back to the page the form was on rather than to the address it posted to.
      const back = request.method === 'GET' ? request.originalUrl : undefined;
      const location = signInPath({ next: back, ended: credentialOf(request, 'organiser') !== undefined });
      if (wantsJson) return void response.status(401).json({ message: translator(consoleMessages, page.language)('signInAgain'), signIn: location });
      return response.redirect(303, location);
    }
    const status = statusOf[refusal.kind];
    if (wantsJson) {
      const t = translator(consoleMessages, page.language);
      return void response
        .status(status)
        .json({ message: t(refusal.kind === 'forbidden' ? 'forbidden' : refusal.kind === 'not-found' ? 'notFound' : 'unavailable') });
    }
    response.status(status).type('html').send(refusalPage(page, refusal.kind));
  }
}
