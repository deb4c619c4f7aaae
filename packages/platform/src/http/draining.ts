// Set when the process has been told to stop: readiness answers 503 at once, so that a load
// balancer or a Kubernetes Service stops sending new requests, while the server keeps answering
// for the drain period and then finishes what is in flight (ADR 025).
let drainingSince: Date | undefined;

export function startDraining(now = new Date()): void {
  drainingSince ??= now;
}

export function isDraining(): boolean {
  return drainingSince !== undefined;
}
