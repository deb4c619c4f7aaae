import { Queue } from 'bullmq';
import type { QueueConnection } from './queue.js';

export const QUEUE_PROBE = Symbol('QUEUE_PROBE');

export interface QueueProbe {
  ping(): Promise<void>;
  close(): Promise<void>;
}

// The api never adds jobs (the worker relays the outbox); it only asks whether the queue store answers.
export function createQueueProbe(connection: QueueConnection): QueueProbe {
  let queue: Queue | undefined;
  return {
    async ping() {
      // A queue of its own: asking for counts touches the store, not any domain's jobs.
      queue ??= new Queue('readiness-probe', { connection: connection as never });
      await queue.getJobCounts('waiting');
    },
    async close() {
      await queue?.close();
    },
  };
}
