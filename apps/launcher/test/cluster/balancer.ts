import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A small round-robin HTTP load balancer, as a Kubernetes Service or a cloud load balancer in
// front of replicas: each request goes to the next backend that passed its last readiness probe.
// Like those, it never retries a request: a backend that goes away mid-request costs a 502, so
// the tests see what a user would.
export interface Backend {
  name: string;
  url: string;
  isReady: boolean;
  requests: number;
}

export interface Balancer {
  url: string;
  backends: Backend[];
  // Answers this balancer gave itself because no backend could (502) — never the backends' own.
  failures: number;
  close: () => Promise<void>;
}

export async function startBalancer(options: {
  backends: { name: string; url: string }[];
  // Probed every probeMs; a backend answering anything but 200 gets no new requests.
  readinessPath?: string;
  probeMs?: number;
}): Promise<Balancer> {
  const backends: Backend[] = options.backends.map((backend) => ({ ...backend, isReady: true, requests: 0 }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  let next = 0;
  let failures = 0;

  const pick = (): Backend => {
    const ready = backends.filter((backend) => backend.isReady);
    const pool = ready.length ? ready : backends;
    return pool[next++ % pool.length]!;
  };

  const server = http.createServer((request, response) => {
    const backend = pick();
    backend.requests += 1;
    const target = new URL(backend.url);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      failures += 1;
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' }).end('bad gateway');
      else response.destroy();
    });
    request.pipe(upstream);
  });

  const state = { isClosed: false };
  const probes = options.readinessPath
    ? (async () => {
        while (!state.isClosed) {
          await Promise.all(
            backends.map(async (backend) => {
              try {
                const answer = await fetch(new URL(options.readinessPath!, backend.url), { signal: AbortSignal.timeout(1_000) });
                await answer.arrayBuffer();
                backend.isReady = answer.status === 200;
              } catch {
                backend.isReady = false;
              }
            }),
          );
          await new Promise((resolve) => setTimeout(resolve, options.probeMs ?? 200));
        }
      })()
    : Promise.resolve();

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    backends,
    get failures() {
      return failures;
    },
    close: async () => {
      state.isClosed = true;
      await probes;
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
