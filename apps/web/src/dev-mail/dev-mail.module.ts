import { Logger, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller.js';
import { DEV_MAIL_URL } from './dev-mail.config.js';
import { MailCatcher } from './mail-catcher.js';

class CatcherLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly catcher: MailCatcher,
    private readonly url: string,
  ) {}

  async onModuleInit() {
    try {
      const port = await this.catcher.listen(this.url);
      new Logger('dev-mail').log(`Mail catcher on smtp port ${port}: read what is sent at /dev/mail`);
    } catch (error) {
      // Another SMTP sink (Mailpit, say) may hold the port already: the mail goes there, and /dev/mail stays empty.
      new Logger('dev-mail').warn(`Mail catcher not started on ${this.url}: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown() {
    await this.catcher.close();
  }
}

/** The development mail catcher and its page, when `mailCatcherUrl` is set; nothing at all otherwise. */
@Module({})
export class DevMailModule {
  static register(url: string | null): DynamicModule {
    if (!url) return { module: DevMailModule };
    return {
      module: DevMailModule,
      controllers: [DevMailController],
      providers: [
        { provide: DEV_MAIL_URL, useValue: url },
        { provide: MailCatcher, useValue: new MailCatcher() },
        { provide: CatcherLifecycle, useFactory: (catcher: MailCatcher) => new CatcherLifecycle(catcher, url), inject: [MailCatcher] },
      ],
      exports: [MailCatcher],
    };
  }
}
