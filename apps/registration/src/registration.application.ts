import type { ServiceApplicationOptions, ServiceConfig } from '#common';
import { AmqpEventsServer } from '#messaging';
import type { DynamicModule } from '@nestjs/common';
import { RegistrationModule, type RegistrationOptions } from './registration.module.js';

/** How registration is put together, for `main.ts` and for tests that run it in-process. */
export function registrationApplication(
  config: ServiceConfig,
  options: RegistrationOptions = {},
): { module: DynamicModule; options: ServiceApplicationOptions } {
  return {
    module: RegistrationModule.forRoot(config, options),
    options: {
      title: 'mission-hub registration',
      description: 'Registration settings, the public registration form, the registration lifecycle and check-in.',
      transport: new AmqpEventsServer({ url: config.rabbitmqUrl, exchange: config.exchange, service: config.service }),
    },
  };
}
