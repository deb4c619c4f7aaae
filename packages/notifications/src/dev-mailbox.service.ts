import fs from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { type AppConfig, notFound } from '@talkoot/platform';
import { devMailIdSchema, devMailMessageSchema, type DevMailMessage, type DevMailSummary } from './dev-mailbox.schemas.js';
import { NOTIFICATIONS_CONFIG } from './notifications.tokens.js';

const listLimit = 500;

// Reads the developer mailbox the mailer writes when there is no SMTP_URL. Sign-in links land
// here, so it is closed whenever mail really goes out and in production.
@Injectable()
export class DevMailboxService {
  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: AppConfig) {}

  get isOpen(): boolean {
    return this.config.isDevMailbox && this.config.NODE_ENV !== 'production';
  }

  // Newest first (file names start with the UTC time).
  async listMessages(): Promise<DevMailSummary[]> {
    this.assertOpen();
    let names: string[];
    try {
      names = await fs.readdir(this.config.mailDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const ids = names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((id) => devMailIdSchema.safeParse(id).success)
      .toSorted()
      .toReversed()
      .slice(0, listLimit);
    const messages = await Promise.all(ids.map((id) => this.readFile(id)));
    return messages
      .filter((message): message is DevMailMessage => message !== undefined)
      .map(({ id, to, subject, date }) => ({ id, to, subject, date }));
  }

  async readMessage(id: string): Promise<DevMailMessage> {
    this.assertOpen();
    // Only ids of the mailbox's own shape reach the file system: no `..`, no slashes.
    if (!devMailIdSchema.safeParse(id).success) throw notFound('The message');
    const message = await this.readFile(id);
    if (!message) throw notFound('The message');
    return message;
  }

  private assertOpen(): void {
    if (!this.isOpen) throw notFound('The developer mailbox');
  }

  private async readFile(id: string): Promise<DevMailMessage | undefined> {
    try {
      const content = await fs.readFile(path.join(this.config.mailDir, `${id}.json`), 'utf8');
      const parsed = devMailMessageSchema.safeParse(JSON.parse(content));
      return parsed.success && parsed.data.id === id ? parsed.data : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }
}
