import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '@talkoot/platform';
import type { MailerOptions } from './mailer.js';

// What the composition roots (apps/api, apps/worker) hand to the notification modules.
export const NOTIFICATIONS_CONFIG = Symbol('talkoot:notifications:config');
export const NOTIFICATIONS_ORM = Symbol('talkoot:notifications:orm');
export const MAIL_REDRIVE_MS = Symbol('talkoot:notifications:redrive-ms');

export interface NotificationsWorkerOptions {
  config: AppConfig;
  orm: MikroORM;
  mailer?: MailerOptions;
  // How often failed mail jobs are looked at for ones that never reached a final delivery.
  redriveMs?: number;
}

export interface NotificationsApiOptions {
  config: AppConfig;
}
