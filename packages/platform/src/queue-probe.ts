import { Queue } from 'bullmq';
import { type QueueConnection, queueNames } from './queue.js';

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
      queue ??= new Queue(queueNames.mail, { connection: connection as never });
      await queue.getJobCounts('waiting');
    },
    async close() {
      await queue?.close();
    },
  };
}
