import { contentChangedChannel } from '@talkoot/platform/content-changes';
import { PgListener } from '@talkoot/platform/pg-listener';
import type { ChangeTracker, Generations } from './page-cache.js';

// The portal hears every committed change of the data public pages show (a trigger per table
// NOTIFYs its data area, ADR 020) and counts them per area: a kept page is current while the
// counts it was rendered at are. Losing the connection starts a new epoch: every kept page goes.
export class ContentChanges implements ChangeTracker {
  private readonly listener: PgListener;
  private generations: Record<string, number> = {};
  epoch = 0;
  onChange: (area: string) => void = () => {};
  onReset: () => void = () => {};

  constructor(databaseUrl: string) {
    this.listener = new PgListener(databaseUrl, contentChangedChannel, {
      onNotification: (area) => {
        this.generations = { ...this.generations, [area]: (this.generations[area] ?? 0) + 1 };
        this.onChange(area);
      },
      onReset: () => {
        this.epoch += 1;
        this.onReset();
      },
    });
  }

  get isListening(): boolean {
    return this.listener.listening;
  }

  // The record is replaced, never changed in place, so a snapshot is just the current one.
  snapshot(): { epoch: number; generations: Generations } {
    return { epoch: this.epoch, generations: this.generations };
  }

  generationOf(area: string): number {
    return this.generations[area] ?? 0;
  }

  start(): void {
    this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
