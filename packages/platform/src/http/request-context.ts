import { AsyncLocalStorage } from 'node:async_hooks';

// The request being answered, for code far from the handler: the outbox stamps the rows a request
// writes with its id, so the jobs they become (and the worker's log lines) can be traced back to it.
const storage = new AsyncLocalStorage<{ requestId: string }>();

export function runInRequest<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

// What a caller (the portal, a client) may choose as a request id: short and plain, so it is safe
// in log lines and rows; anything else gets a new one.
const acceptableRequestId = /^[\w.:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined, makeId: () => string): string {
  return typeof header === 'string' && acceptableRequestId.test(header) ? header : makeId();
}

export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}
