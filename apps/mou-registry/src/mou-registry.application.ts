import type { ServiceApplicationOptions, ServiceConfig } from '#common';
import { AmqpEventsServer } from '#messaging';
import type { DynamicModule } from '@nestjs/common';
import { MouRegistryModule, type MouRegistryOptions } from './mou-registry.module.js';
import { DOCUMENT_LIMIT, documentTypes } from './versions/version.rules.js';

/** How the MoU registry is put together, for `main.ts` and for tests that run it in-process. */
export function mouRegistryApplication(config: ServiceConfig, options: MouRegistryOptions = {}): { module: DynamicModule; options: ServiceApplicationOptions } {
  return {
    module: MouRegistryModule.forRoot(config, options),
    options: {
      title: 'mission-hub MoU registry',
      description: 'Memoranda of understanding, their versions and lifecycle, the audit trail, the follow-up, and the public register.',
      transport: new AmqpEventsServer({ url: config.rabbitmqUrl, exchange: config.exchange, service: config.service }),
      // The text of an MoU is uploaded as itself, not inside JSON.
      rawBodies: [{ path: '/api/mous/:id/versions', types: [...documentTypes], limit: DOCUMENT_LIMIT }],
    },
  };
}
