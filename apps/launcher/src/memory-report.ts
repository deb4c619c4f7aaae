import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

// Opt-in memory reporting for `pnpm bench:memory` (ADR 016). The launcher preloads this module
// (`node --import`) into the api, the worker and the portal only when MEMORY_REPORT_DIR is set.
// Nothing listens on a port: each process writes its own figures to a file in that directory every
// second, and writes a heap snapshot there when it receives SIGUSR2. Without the variable the
// module is never loaded, and SIGUSR2 keeps its default meaning.
const dir = process.env.MEMORY_REPORT_DIR;
const name = (process.env.TALKOOT_PROCESS_NAME ?? `pid-${process.pid}`).replace(/[^a-z0-9-]/gi, '_');

function writeAtomically(file: string, text: string): void {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, text);
  fs.renameSync(partial, file);
}

if (dir) {
  fs.mkdirSync(dir, { recursive: true });
  const report = () => {
    const usage = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]));
    try {
      writeAtomically(
        path.join(dir, `${name}.json`),
        JSON.stringify({
          pid: process.pid,
          at: Date.now(),
          rss: usage.rss,
          heapUsed: usage.heapUsed,
          heapTotal: usage.heapTotal,
          external: usage.external,
          arrayBuffers: usage.arrayBuffers,
          heapLimit: heap.heap_size_limit,
          newSpace: spaces.new_space ?? 0,
          oldSpace: spaces.old_space ?? 0,
        }),
      );
    } catch {
      // The benchmark removed its directory while we were stopping.
    }
  };
  report();
  setInterval(report, 1000).unref();
  let snapshots = 0;
  process.on('SIGUSR2', () => {
    const file = path.join(dir, `${name}-${++snapshots}.heapsnapshot`);
    // writeHeapSnapshot collects garbage first, so the file holds what is still reachable.
    v8.writeHeapSnapshot(`${file}.partial`);
    fs.renameSync(`${file}.partial`, file);
  });
}
