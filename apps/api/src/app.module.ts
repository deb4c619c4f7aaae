import { type DynamicModule, Module } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type AppConfig, CoreModule, type QueueConnection } from '@talkoot/platform';
import { IdentityModule } from '@talkoot/identity';
import { NotificationsApiModule } from '@talkoot/notifications';
import { VenueLinkService, VenuesModule } from '@talkoot/venues';
import { EventsModule } from '@talkoot/events';
import { LendingModule } from '@talkoot/lending';
import { VolunteeringModule } from '@talkoot/volunteering';
import { ApiResources } from './api-resources.js';
import { HealthController } from './health.controller.js';
import { OpenApiController } from './openapi.controller.js';
import { QUEUE_PROBE, createQueueProbe } from '@talkoot/platform';

export interface ApiDependencies {
  config: AppConfig;
  orm: MikroORM;
  queueConnection: QueueConnection;
}

// The api's composition root: domain modules plus operations routes. No rules live here.
@Module({})
export class AppModule {
  static forRoot(dependencies: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ config: dependencies.config, orm: dependencies.orm }),
        IdentityModule,
        NotificationsApiModule.forRoot({ config: dependencies.config }),
        VenuesModule,
        LendingModule,
        VolunteeringModule,
        // Events ask the venues about the halls and bookings they link to, by id.
        EventsModule.forRoot({ imports: [VenuesModule], lookup: VenueLinkService }),
      ],
      controllers: [HealthController, OpenApiController],
      providers: [{ provide: QUEUE_PROBE, useFactory: () => createQueueProbe(dependencies.queueConnection) }, ApiResources],
    };
  }
}
