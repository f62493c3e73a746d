import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { messagePage } from './layout.js';
import { pageContextOf } from './page-context.js';

/** An error of a page is a page: not found, or an error, in the visitor's language. */
@Catch()
export class PageErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.logger.error({ err: exception, path: request.path }, 'page failed');
    if (response.headersSent) return void response.end();
    const page = pageContextOf(request, response);
    response
      .status(status)
      .type('html')
      .send(messagePage(page, status === 404 ? 'notFound' : 'error'));
  }
}
