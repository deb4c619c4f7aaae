// A closed-loop load generator for answers that can take longer than the run (a 10 MiB feed on a
// busy machine): a copy of bench/lib/load.mjs that counts every answer that arrives within the
// measured window (whenever it was sent) and, at the end, every request still in flight with its
// age so far (a lower bound of its latency), so slow answers raise the percentiles instead of
// vanishing from them. Requests time out after `timeoutMs` (60 s), not 10 s.
import http from 'node:http';

function send(agent, base, request, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.request(`${base}${request.path}`, { method: 'GET', agent, headers: request.headers ?? {} }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode, bytes }));
      res.on('error', () => resolve({ status: 'error', bytes }));
    });
    req.on('error', () => resolve({ status: 'error', bytes: 0 }));
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runLoad({ base, connections, warmupMs, durationMs, nextRequest, timeoutMs = 60_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies = [];
  const statuses = {};
  let completed = 0; // all answers, warm-up included (to divide CPU time by)
  let bytes = 0;
  const inFlight = new Map(); // client -> sent at
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const run = { isOver: false };
  const client = async (index) => {
    let i = 0;
    while (!run.isOver && performance.now() < end) {
      const request = nextRequest(index, i++);
      const sent = performance.now();
      inFlight.set(index, sent);
      const answer = await send(agent, base, request, timeoutMs);
      inFlight.delete(index);
      const done = performance.now();
      if (run.isOver) break;
      completed += 1;
      if (done >= measureFrom && done <= end) {
        latencies.push(done - sent);
        bytes += answer.bytes;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      }
    }
  };
  const clients = Promise.all(Array.from({ length: connections }, (_, index) => client(index)));
  await new Promise((resolve) => setTimeout(resolve, end - start));
  run.isOver = true;
  const stillInFlight = [...inFlight.values()].map((sent) => end - sent);
  // Abort what is left: those answers would arrive after the run.
  agent.destroy();
  await clients;
  const answered = latencies.length;
  latencies.push(...stillInFlight);
  latencies.sort((a, b) => a - b);
  return {
    requests: answered,
    inFlightAtEnd: stillInFlight.length,
    completed,
    rps: answered / (durationMs / 1000),
    mibPerSecond: bytes / 2 ** 20 / (durationMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    statuses,
  };
}
