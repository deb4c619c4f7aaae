import { type DynamicModule, Module } from '@nestjs/common';
import { NotificationsWorkerModule, type NotificationsWorkerOptions } from '@talkoot/notifications';
import { CoreModule } from '@talkoot/platform';
import { VenuesWorkerModule } from '@talkoot/venues';
import { EventsWorkerModule } from '@talkoot/events';

// The worker's composition root: every domain's processors and schedules, no HTTP.
// CoreModule offers the config and the ORM to the domain modules that inject them.
@Module({})
// oxlint-disable-next-line typescript/no-extraneous-class -- a Nest module is a class by design
export class WorkerModule {
  static forRoot(options: NotificationsWorkerOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CoreModule.forRoot({ config: options.config, orm: options.orm }), NotificationsWorkerModule.forRoot(options), VenuesWorkerModule, EventsWorkerModule],
    };
  }
}
