import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { layout } from '../kit/layout.js';
import { pageContextOf } from '../kit/page-context.js';
import { DEV_MAIL_URL } from './dev-mail.config.js';
import { mailHtml, mailListPage, mailPage } from './dev-mail.page.js';
import { MailCatcher } from './mail-catcher.js';

/** `/dev/mail`: what the catcher caught. Only registered when the catcher runs (never in production). */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(MailCatcher) private readonly catcher: MailCatcher,
    @Inject(DEV_MAIL_URL) private readonly smtpUrl: string,
  ) {}

  @Get()
  list(@Req() request: Request, @Res() response: Response) {
    const page = pageContextOf(request, response);
    response
      .set('cache-control', 'no-store')
      .type('html')
      .send(layout(page, { title: 'Mail sent (development)', main: mailListPage(this.catcher.messages, this.listeningAt(), this.smtpUrl) }));
  }

  @Get(':id')
  show(@Req() request: Request, @Res() response: Response, @Param('id') id: string) {
    const mail = this.catcher.find(id);
    if (!mail) throw new NotFoundException();
    const page = pageContextOf(request, response);
    // The links in a mail are credentials: they must not travel on as a Referer.
    response
      .set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
      .type('html')
      .send(layout(page, { title: mail.subject || '(no subject)', main: mailPage(mail) }));
  }

  private listeningAt(): string | null {
    const port = this.catcher.port;
    return port === null ? null : this.smtpUrl.replace(/:\d+\/?$/, `:${port}`);
  }

  /** The message's HTML alone, for a sandboxed frame: no script, nothing fetched, an origin of its own. */
  @Get(':id/html')
  html(@Param('id') id: string, @Res() response: Response) {
    const mail = this.catcher.find(id);
    if (!mail?.html) throw new NotFoundException();
    response
      .set({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation",
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      })
      .send(mailHtml(mail));
  }
}
