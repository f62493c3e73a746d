import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { dashboardPage } from './dashboard.page.js';

/** The organisers' page at `/`; it calls the same summary and stream as any other client. */
@ApiExcludeController()
@Controller()
export class WebController {
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; script-src 'unsafe-inline' 'self'; style-src 'unsafe-inline'; connect-src 'self'",
  )
  page(): string {
    return dashboardPage;
  }
}
