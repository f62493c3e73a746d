import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BrokerConnection } from './broker-connection.js';
import { InboxService } from './inbox.service.js';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options.js';
import { OutboxMetrics } from './outbox.metrics.js';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxService } from './outbox.service.js';
import { MessageRetention } from './retention.js';

/**
 * The producing half of the backbone for one service: outbox, relay, inbox and the publishing
 * connection. The service's TypeORM DataSource must already be provided (TypeOrmModule.forRoot…);
 * with common's DatabaseModule the relay's last drain runs before that DataSource closes.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(BrokerConnection) private readonly broker: BrokerConnection,
    @Inject(MessageRetention) private readonly retention: MessageRetention,
  ) {}

  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        BrokerConnection,
        OutboxService,
        InboxService,
        OutboxRelay,
        MessageRetention,
        OutboxMetrics,
      ],
      exports: [MESSAGING_OPTIONS, BrokerConnection, OutboxService, InboxService, OutboxRelay, MessageRetention],
    };
  }

  onApplicationBootstrap(): void {
    this.relay.start();
    this.retention.start();
  }

  /**
   * Runs after the HTTP server and the consumers have closed (Nest disposes them first). The relay's
   * last drain, which publishes what in-flight handlers wrote, has run already when the service's
   * DataSource closed (`beforeDatabaseCloses`); elsewhere it runs here. The broker connection goes last.
   */
  async onApplicationShutdown(): Promise<void> {
    this.retention.stop();
    await this.relay.stop();
    await this.broker.close();
  }
}
