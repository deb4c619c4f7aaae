import type { IncomingMessage } from 'node:http';

// Answering a request before it has been read whole and then closing makes the client's TCP
// stack see a reset: its next write fails and the answer (413, 414) is lost. So the rest of a
// refused body is read and thrown away first — up to a cap and a time limit, then we close anyway.
export const DRAIN_CAP_BYTES = 64 * 1_048_576;
const DRAIN_TIMEOUT_MS = 30_000;

export function drainRequest(request: IncomingMessage): Promise<void> {
  if (request.readableEnded || request.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      request.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_CAP_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_TIMEOUT_MS);
    request.on('data', onData);
    request.once('end', finish);
    request.once('error', finish);
    request.once('close', finish);
    request.resume();
  });
}
