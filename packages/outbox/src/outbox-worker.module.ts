import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { OutboxRelayService } from './outbox-relay.service.js';
import {
  OUTBOX_ORM,
  OUTBOX_QUEUE_CONNECTION,
  OUTBOX_QUEUE_PREFIX,
  OUTBOX_RELAY_SETTINGS,
  type OutboxWorkerOptions,
  relaySettingsFrom,
  withQuickReconnect,
} from './outbox.tokens.js';

// The worker's queue root and the outbox relay (started on bootstrap, stopped on shutdown).
// Global, so every domain's worker module registers its own queues and processors on it:
//
//   const connection = configureQueueBackend(config);   // before the Nest context exists
//   OutboxWorkerModule.forRoot({ config, orm, connection })
@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a class by design
export class OutboxWorkerModule {
  static forRoot(options: OutboxWorkerOptions): DynamicModule {
    const { config, orm, connection, queuePrefix } = options;
    return {
      module: OutboxWorkerModule,
      global: true,
      imports: [
        BullModule.forRoot({
          connection: withQuickReconnect(connection) as unknown as ConnectionOptions,
          ...(queuePrefix ? { prefix: queuePrefix } : {}),
        }),
      ],
      providers: [
        { provide: OUTBOX_ORM, useValue: orm },
        { provide: OUTBOX_QUEUE_CONNECTION, useValue: connection },
        { provide: OUTBOX_QUEUE_PREFIX, useValue: queuePrefix ?? null },
        { provide: OUTBOX_RELAY_SETTINGS, useValue: relaySettingsFrom(config, options.relay) },
        OutboxRelayService,
      ],
      exports: [OutboxRelayService, OUTBOX_RELAY_SETTINGS, OUTBOX_QUEUE_PREFIX],
    };
  }
}
