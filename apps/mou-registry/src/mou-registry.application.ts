import type { ServiceApplicationOptions, ServiceConfig } from '#common';
import type { DynamicModule } from '@nestjs/common';
import { MouRegistryModule } from './mou-registry.module.js';

export function mouRegistryApplication(config: ServiceConfig): { module: DynamicModule; options: ServiceApplicationOptions } {
  return {
    module: MouRegistryModule.forRoot(config),
    options: { title: 'mission-hub MoU registry', description: 'Memoranda of understanding, their lifecycle, audit trail and follow-up.' },
  };
}
