import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { MailerOptions } from '@talkoot/notifications';
import { NotificationsWorkerModule } from '@talkoot/notifications';
import { OutboxWorkerModule, type OutboxWorkerOptions } from '@talkoot/outbox';
import { CoreModule } from '@talkoot/platform';
import { VenuesWorkerModule } from '@talkoot/venues';
import { EventsWorkerModule } from '@talkoot/events';
import { LendingWorkerModule } from '@talkoot/lending';
import { VolunteeringWorkerModule } from '@talkoot/volunteering';

export interface WorkerOptions extends OutboxWorkerOptions {
  mailer?: MailerOptions;
  redriveMs?: number;
}

// The worker's composition root: the queue root and outbox relay, then every domain's worker
// module with its own queues, processors and schedules. No HTTP.
// CoreModule offers the config and the ORM to the domain modules that inject them.
@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a class by design
export class WorkerModule {
  static forRoot(options: WorkerOptions): DynamicModule {
    const { config, orm } = options;
    return {
      module: WorkerModule,
      imports: [
        // Lets the metrics find every queue and job processor (worker-metrics.ts).
        DiscoveryModule,
        CoreModule.forRoot({ config, orm }),
        OutboxWorkerModule.forRoot(options),
        NotificationsWorkerModule.forRoot({ config, orm, mailer: options.mailer, redriveMs: options.redriveMs }),
        VenuesWorkerModule,
        EventsWorkerModule,
        LendingWorkerModule,
        VolunteeringWorkerModule,
      ],
    };
  }
}
