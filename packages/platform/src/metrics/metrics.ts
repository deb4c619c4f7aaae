import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Histogram, collectDefaultMetrics, register } from 'prom-client';

// Prometheus metrics of one process, served on a port of its own (METRICS_PORT), never through the
// public origin: the portal does not proxy it and the Ingress routes only the api and portal ports.
// One registry per process (prom-client's default); every metric is named talkoot_*.
let isSetUp = false;

export function setUpProcessMetrics(processName: string): void {
  if (isSetUp) return;
  isSetUp = true;
  register.setDefaultLabels({ process: processName });
  collectDefaultMetrics({ prefix: 'talkoot_' });
}

let requestDuration: Histogram<'method' | 'route' | 'status'> | undefined;

// By the route's pattern (/api/venues/:id), never the address itself: ids would make a series each.
export function httpRequestDuration(): Histogram<'method' | 'route' | 'status'> {
  requestDuration ??= new Histogram({
    name: 'talkoot_http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route pattern and status class (2xx, 4xx, 5xx), with their duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  });
  return requestDuration;
}

export interface MetricsServer {
  port: number;
  close: () => Promise<void>;
}

export async function startMetricsServer(options: { port: number; host: string }): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    register.metrics().then(
      (text) => response.writeHead(200, { 'content-type': register.contentType }).end(text),
      (error: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
