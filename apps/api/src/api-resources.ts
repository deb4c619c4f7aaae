import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { QUEUE_PROBE, type QueueProbe } from '@talkoot/platform';

// Closed after the HTTP server has finished its in-flight requests, whether the app stops
// through app.close() or a SIGTERM (Nest's shutdown hooks).
@Injectable()
export class ApiResources implements OnApplicationShutdown {
  constructor(
    private readonly orm: MikroORM,
    @Inject(QUEUE_PROBE) private readonly queueProbe: QueueProbe,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queueProbe.close();
    await this.orm.close(true);
  }
}
