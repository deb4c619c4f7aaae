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

// How fast a job interrupted by a crashed worker runs again. BullMQ's defaults (30 s lock, a
// stalled check every 30 s, which takes two checks on Redis) brought in-flight mail back only after
// 30–62 s. A running job renews its lock every lockDuration / 2, so 5 s survives an event loop
// busy for a few seconds; a check every 1.5 s finds an expired lock soon after. Effects are
// idempotent (ADR 015), so a stall declared too early costs a duplicate run, not a wrong result;
// maxStalledCount 5 keeps a job that stalled in a few crashes in a row from failing outright.
export const outboxStalledJobOptions = {
  lockDuration: 5_000,
  stalledInterval: 1_500,
  maxStalledCount: 5,
} as const;
