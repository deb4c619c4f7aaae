import { AsyncLocalStorage } from 'node:async_hooks';

// The request being answered, for code far from the handler: the outbox stamps the rows a request
// writes with its id, so the jobs they become (and the worker's log lines) can be traced back to it.
const storage = new AsyncLocalStorage<{ requestId: string }>();

export function runInRequest<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}
