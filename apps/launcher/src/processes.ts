import { type ChildProcess, spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

// Loaded into each process only when MEMORY_REPORT_DIR is set (the memory benchmark).
const memoryReport = fileURLToPath(new URL('./memory-report.js', import.meta.url));

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

const perRequestMessages = new Set(['incoming request', 'request completed', 'fetching from remote server', 'response received']);
const quietContexts = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

const levelNames: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

// Children log JSON (one object a line). At a terminal a person reads `[api] message` instead;
// LOG_FORMAT=json passes the lines through untouched for log collectors.
function formatLine(name: string, line: string, isJson: boolean): string | undefined {
  if (isJson || !line.startsWith('{')) return `[${name}] ${line}`;
  try {
    const entry = JSON.parse(line) as {
      level?: number | string;
      msg?: string;
      message?: string;
      req?: { method?: string; url?: string };
      res?: { statusCode?: number };
      responseTime?: number;
      err?: { message?: string };
    };
    const level = typeof entry.level === 'number' ? (levelNames[entry.level] ?? 'info') : (entry.level ?? 'info');
    // Per-request lines stay in the JSON logs (LOG_FORMAT=json); a person at the terminal needs the rest.
    if (entry.msg && perRequestMessages.has(entry.msg)) return undefined;
    // Nest's start-up inventory: useful in JSON logs, noise at a terminal.
    if (typeof (entry as { context?: string }).context === 'string' && quietContexts.has((entry as { context: string }).context))
      return undefined;
    const text = entry.msg ?? entry.message ?? line;
    const error = entry.err?.message ? ` (${entry.err.message})` : '';
    return `[${name}]${level === 'info' || level === 'log' ? '' : ` ${String(level).toUpperCase()}`} ${text}${error}`;
  } catch {
    return `[${name}] ${line}`;
  }
}

export function startProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  heapMb?: number,
  semiSpaceMb?: number,
): ManagedProcess {
  const heapLimit = [
    ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
    ...(semiSpaceMb ? [`--max-semi-space-size=${semiSpaceMb}`] : []),
  ];
  const report = env.MEMORY_REPORT_DIR ? ['--import', memoryReport] : [];
  const child = spawn(process.execPath, ['--enable-source-maps', ...heapLimit, ...report, script], {
    env: { ...env, TALKOOT_PROCESS_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches the launcher, which then stops the children in order.
    detached: true,
  });
  const isJson = env.LOG_FORMAT === 'json';
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => {
      const text = formatLine(name, line, isJson);
      if (text) process.stdout.write(`${text}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

// The worker gives running jobs 25 s after SIGTERM; wait a little longer before forcing it.
export async function stopProcess(managed: ManagedProcess, timeoutMs = 30_000): Promise<void> {
  if (managed.child.exitCode !== null || managed.child.signalCode !== null) return;
  managed.child.kill('SIGTERM');
  const timer = setTimeout(() => managed.child.kill('SIGKILL'), timeoutMs);
  await managed.exited;
  clearTimeout(timer);
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
