import { Module } from '@nestjs/common';
import { AccessEventsHandler } from './access-events.handler.js';
import { AccessMailService } from './access-mail.service.js';

/** "Your sign-in link": the e-mail for a link asked for again, and for a revocation. */
@Module({ controllers: [AccessEventsHandler], providers: [AccessMailService] })
export class AccessMailModule {}
