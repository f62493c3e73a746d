import { PARTICIPANT_TOKEN_RESOLVER } from '#common';
import { Module, type DynamicModule } from '@nestjs/common';
import { ParticipantsModule } from '../participants/participants.module.js';
import { BroadcastAudienceHandler } from './broadcast-audience.handler.js';
import { BroadcastReleaseService } from './broadcast-release.service.js';
import { BroadcastTokenResolver } from './broadcast-token.resolver.js';
import { BroadcastsController } from './broadcasts.controller.js';
import { BroadcastsRepository } from './broadcasts.repository.js';
import { BroadcastsService } from './broadcasts.service.js';

/**
 * Broadcasts, their audiences' read models, their release, and the participant's feed. Global for
 * the participant token resolver only: the auth guard lives in ServiceCoreModule, which cannot import
 * this service's modules. `deliveries` is the service's one DeliveriesModule (the same dynamic module, so one dispatcher).
 */
@Module({})
export class BroadcastsModule {
  static forRoot(deliveries: DynamicModule): DynamicModule {
    return {
      module: BroadcastsModule,
      global: true,
      imports: [deliveries, ParticipantsModule],
      controllers: [BroadcastsController, BroadcastAudienceHandler],
      providers: [BroadcastsRepository, BroadcastsService, BroadcastReleaseService, { provide: PARTICIPANT_TOKEN_RESOLVER, useClass: BroadcastTokenResolver }],
      exports: [PARTICIPANT_TOKEN_RESOLVER],
    };
  }
}
