import { Controller, Get } from '@nestjs/common';

/** The web entry holds no state: it is ready once it listens (a service that is down answers 502 on its own paths). */
@Controller('health')
export class WebHealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  ready() {
    return { status: 'ok' };
  }
}
