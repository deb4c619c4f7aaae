// Outages of what a job talks to can last hours (an SMTP provider's maintenance, a full mailbox).
// Doubling from the first delay but never waiting more than 30 minutes, 40 attempts keep a job
// alive for about 17 hours instead of the 43 minutes plain exponential backoff with 10 attempts gave.
export const OUTBOX_BACKOFF_TYPE = 'capped-exponential';
export const OUTBOX_BACKOFF_CAP_MS = 30 * 60_000;
export const OUTBOX_ATTEMPTS = 40;

export function outboxBackoffDelay(attemptsMade: number, firstDelayMs: number): number {
  return Math.min(firstDelayMs * 2 ** Math.max(0, attemptsMade - 1), OUTBOX_BACKOFF_CAP_MS);
}

// BullMQ computes custom backoff in the worker: every processor of outbox jobs passes this in
// its worker settings (`@Processor(queue, { settings: outboxWorkerSettings })`).
export const outboxWorkerSettings = {
  backoffStrategy: (
    attemptsMade: number,
    type?: string,
    _error?: Error,
    job?: { opts?: { backoff?: number | { delay?: number } } },
  ) => {
    const backoff = job?.opts?.backoff;
    const firstDelay = typeof backoff === 'object' && backoff.delay ? backoff.delay : 5_000;
    return type === OUTBOX_BACKOFF_TYPE ? outboxBackoffDelay(attemptsMade, firstDelay) : firstDelay;
  },
};
