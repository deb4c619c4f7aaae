import { Controller, Inject, type OnApplicationBootstrap, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { MikroORM } from '@mikro-orm/postgresql';
import { QUEUE_PROBE, type QueueProbe, Route, access, defineRoute, isDraining } from '@talkoot/platform';
import { z } from 'zod';

export const livenessRoute = defineRoute({
  method: 'GET',
  path: '/api/healthz',
  summary: 'Liveness: the process answers',
  tag: 'Operations',
  access: access.public,
  response: z.object({ status: z.literal('ok') }),
});

export const readinessRoute = defineRoute({
  method: 'GET',
  path: '/api/readyz',
  summary: 'Readiness: the database answers and the process is not draining (the queue store is reported, not required)',
  tag: 'Operations',
  access: access.public,
  response: z.object({
    status: z.enum(['ready', 'degraded', 'unavailable', 'draining']),
    checks: z.object({ database: z.boolean(), queue: z.boolean(), draining: z.boolean() }),
  }),
  errors: [503],
});

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

@Controller()
export class HealthController implements OnApplicationBootstrap {
  constructor(
    private readonly orm: MikroORM,
    @Inject(QUEUE_PROBE) private readonly queue: QueueProbe,
  ) {}

  // The probe's first ping opens its connection; done at start, so the first readiness check
  // measures the queue store, not the connecting (which can take longer than the 500 ms budget).
  onApplicationBootstrap() {
    this.queue.ping().catch(() => undefined);
  }

  @Route(livenessRoute)
  liveness() {
    return { status: 'ok' as const };
  }

  @Route(readinessRoute)
  async readiness(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, queue] = await Promise.all([
      withTimeout(this.orm.em.fork().execute('select 1'), 500).then(
        () => true,
        () => false,
      ),
      withTimeout(this.queue.ping(), 500).then(
        () => true,
        () => false,
      ),
    ]);
    // Without the queue store the api still serves: writes leave their effects in the outbox, which
    // the worker relays once the store is back (ADR 025). Taking every replica out of a load
    // balancer for it would turn a queue outage into a full one; so it is reported, not required.
    const draining = isDraining();
    const isReady = database && !draining;
    const status = draining ? 'draining' : !database ? 'unavailable' : queue ? 'ready' : 'degraded';
    void reply.status(isReady ? 200 : 503).header('cache-control', 'no-store');
    return { status, checks: { database, queue, draining } } as const;
  }
}
