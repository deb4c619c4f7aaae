import pg from 'pg';

export interface PgListenerHandlers {
  /** A NOTIFY on the channel: the payload as sent. */
  onNotification(payload: string): void;
  /**
   * The listening connection was (re)established or lost: notifications may have been missed, so
   * whatever was kept on their strength must be dropped.
   */
  onReset(): void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

// One dedicated connection that LISTENs on a channel and comes back by itself after the database
// restarts. A pooled connection cannot hold a LISTEN: the pool hands it to others and closes it.
// `listening` is true only while notifications are certain to arrive, so callers trust what they
// keep in memory only then.
export class PgListener {
  private client: pg.Client | undefined;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  listening = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly channel: string,
    private readonly handlers: PgListenerHandlers,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.lost();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: `listen:${this.channel}` });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.onNotification(message.payload ?? '');
    });
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`listen ${this.channel}`);
      if (this.stopped || this.client !== client) return;
      this.retryMs = RETRY_MIN_MS;
      // Anything kept before this moment may have missed a notification while nobody listened.
      this.handlers.onReset();
      this.listening = true;
    } catch {
      this.reconnectLater(client);
    }
  }

  private lost(): void {
    if (this.listening) this.handlers.onReset();
    this.listening = false;
  }

  private reconnectLater(client: pg.Client): void {
    if (this.client !== client) return;
    this.lost();
    this.client = undefined;
    client.end().catch(() => {});
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
