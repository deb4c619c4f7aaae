import { Logger } from '@nestjs/common';
import type { AppConfig } from '@talkoot/platform';
import type { Language } from '@talkoot/platform/schemas';
import { createTransport, type Transporter } from 'nodemailer';
import { devMailId, parseHeaders, writeDevMail } from './dev-mailbox.files.js';

export interface OutgoingMail {
  // Names the message: its Message-ID and the developer mailbox file (e.g. outbox-42).
  key: string;
  messageId: string;
  to: string;
  toName?: string;
  language: Language;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  unsubscribe?: { url: string };
}

export interface SentMail {
  messageId: string;
  // Set when the mail went to the developer mailbox instead of SMTP.
  devMailboxId?: string;
}

export interface MailerOptions {
  // SMTP timeouts; nodemailer's defaults (2 and 10 minutes) would hold a job far too long.
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

// Sends over SMTP when SMTP_URL is set; otherwise writes into the developer mailbox (.data/mail).
export class Mailer {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  readonly isDevMailbox: boolean;

  constructor(
    private readonly config: AppConfig,
    options: MailerOptions = {},
  ) {
    this.isDevMailbox = config.isDevMailbox;
    this.transport = config.SMTP_URL
      ? createTransport({
          url: config.SMTP_URL,
          connectionTimeout: options.connectionTimeoutMs ?? 15_000,
          greetingTimeout: options.greetingTimeoutMs ?? 15_000,
          socketTimeout: options.socketTimeoutMs ?? 60_000,
        })
      : createTransport({ streamTransport: true, buffer: true });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const date = new Date();
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      ...(mail.attachments?.length ? { attachments: mail.attachments.map((attachment) => ({ ...attachment })) } : {}),
      messageId: mail.messageId,
      date,
      headers: {
        'Content-Language': mail.language,
        // RFC 3834: automatic mail; out-of-office replies should not answer it.
        'Auto-Submitted': 'auto-generated',
        // RFC 2369 + RFC 8058: mail programs show an unsubscribe button that POSTs to the link.
        ...(mail.unsubscribe
          ? { 'List-Unsubscribe': `<${mail.unsubscribe.url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {}),
      },
    });
    if (!this.isDevMailbox) return { messageId: mail.messageId };
    const raw = (info as { message?: unknown }).message;
    if (!Buffer.isBuffer(raw)) throw new Error('the stream transport gave no message buffer');
    const id = devMailId(date, mail.key);
    const headers = parseHeaders(raw);
    const written = await writeDevMail(
      this.config.mailDir,
      {
        id,
        to: headers.To ?? mail.to,
        from: headers.From ?? this.config.MAIL_FROM,
        subject: mail.subject,
        date: date.toISOString(),
        text: mail.text,
        html: mail.html,
        headers,
        attachments: mail.attachments ?? [],
      },
      raw,
      mail.messageId,
    );
    if (written.isDuplicate) {
      // What a real receiver does with a copy of a Message-ID it already has: drop it.
      this.logger.warn(`${mail.key} arrived again (${mail.messageId}); the developer mailbox keeps ${written.firstId} only`);
      return { messageId: mail.messageId, devMailboxId: written.firstId };
    }
    this.logger.log(`wrote ${mail.key} to the developer mailbox as ${id}`);
    return { messageId: mail.messageId, devMailboxId: id };
  }

  close(): void {
    this.transport.close();
  }
}
