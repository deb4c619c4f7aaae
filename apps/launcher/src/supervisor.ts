import { type ManagedProcess, stopProcess } from './processes.js';

export interface SupervisorOptions {
  // Waits before restarting after the 1st, 2nd, … crash within the window; the last one repeats.
  backoffMs?: readonly number[];
  // More crashes than this within windowMs: the process is given up on.
  maxCrashes?: number;
  windowMs?: number;
  say: (line: string) => void;
  // Called once when a process is given up on.
  onGiveUp: (name: string) => void;
}

interface Entry {
  start: () => ManagedProcess;
  current: ManagedProcess;
  crashes: number[];
  restartTimer?: NodeJS.Timeout;
}

// Keeps the api, the worker and the portal running on one box where nobody is watching: a process
// that dies is started again after a short wait, while the others go on serving. A process that
// keeps crashing (a bad configuration, a broken build) is given up on loudly instead of looping.
export class Supervisor {
  private readonly entries = new Map<string, Entry>();
  private isStopping = false;
  private readonly backoffMs: readonly number[];
  private readonly maxCrashes: number;
  private readonly windowMs: number;

  constructor(private readonly options: SupervisorOptions) {
    this.backoffMs = options.backoffMs ?? [250, 1_000, 2_000, 5_000, 10_000];
    this.maxCrashes = options.maxCrashes ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
  }

  supervise(name: string, start: () => ManagedProcess): ManagedProcess {
    const entry: Entry = { start, current: start(), crashes: [] };
    this.entries.set(name, entry);
    this.options.say(`${name} started (pid ${entry.current.child.pid})`);
    this.watch(name, entry);
    return entry.current;
  }

  current(name: string): ManagedProcess | undefined {
    return this.entries.get(name)?.current;
  }

  // Ctrl-C: no more restarts; stops the named processes in this order.
  async stop(order: readonly string[]): Promise<void> {
    this.isStopping = true;
    for (const entry of this.entries.values()) clearTimeout(entry.restartTimer);
    for (const name of order) {
      const entry = this.entries.get(name);
      if (entry) await stopProcess(entry.current);
    }
  }

  killAll(): void {
    this.isStopping = true;
    for (const entry of this.entries.values()) {
      clearTimeout(entry.restartTimer);
      entry.current.child.kill('SIGKILL');
    }
  }

  private watch(name: string, entry: Entry): void {
    const watched = entry.current;
    void watched.exited.then((code) => {
      if (this.isStopping || entry.current !== watched) return;
      const signal = watched.child.signalCode;
      const now = Date.now();
      entry.crashes = [...entry.crashes.filter((at) => now - at < this.windowMs), now];
      const why = signal ? `killed by ${signal}` : `exit code ${code}`;
      if (entry.crashes.length > this.maxCrashes) {
        this.options.say(
          `${name} stopped unexpectedly (${why}) ${entry.crashes.length} times within ${this.windowMs / 1000} s; giving up on it`,
        );
        this.options.onGiveUp(name);
        return;
      }
      const delay = this.backoffMs[Math.min(entry.crashes.length - 1, this.backoffMs.length - 1)] ?? 1_000;
      this.options.say(`${name} stopped unexpectedly (${why}); the others keep serving; restarting it in ${delay} ms`);
      entry.restartTimer = setTimeout(() => {
        if (this.isStopping) return;
        entry.current = entry.start();
        this.options.say(`${name} restarted (pid ${entry.current.child.pid})`);
        this.watch(name, entry);
      }, delay);
    });
  }
}
