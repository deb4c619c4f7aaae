// A small closed-loop load generator: `connections` clients, each sending its next request as
// soon as the previous answer is read, over keep-alive HTTP/1.1 (node:http, one socket each).
// Latencies of the warm-up are dropped; the run stops by itself after warmupMs + durationMs.
import http from 'node:http';

function send(agent, base, request) {
  return new Promise((resolve) => {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers = { ...(request.headers ?? {}) };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = http.request(`${base}${request.path}`, { method: request.method ?? 'GET', agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
      res.on('error', () => resolve('error'));
    });
    req.on('error', () => resolve('error'));
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export async function runLoad({ base, connections, warmupMs, durationMs, nextRequest }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const latencies = [];
  const statuses = {};
  let completed = 0; // all answers, warm-up included (to divide CPU time by)
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const client = async (index) => {
    let i = 0;
    while (performance.now() < end) {
      const request = nextRequest(index, i++);
      const sent = performance.now();
      const status = await send(agent, base, request);
      const done = performance.now();
      completed += 1;
      if (sent >= measureFrom && done <= end) {
        latencies.push(done - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, index) => client(index)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    completed,
    rps: latencies.length / (durationMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    statuses,
    // Sorted; lets a caller pool several runs (bench/lib/harness.mjs).
    latencies,
  };
}

export { percentile };
