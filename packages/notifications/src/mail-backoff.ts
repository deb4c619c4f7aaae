// SMTP outages can last hours (a provider's maintenance, a full mailbox). Doubling from the first
// delay but never waiting more than 30 minutes, 40 attempts keep a mail alive for about 17 hours
// instead of the 43 minutes plain exponential backoff with 10 attempts gave.
export const MAIL_BACKOFF_TYPE = 'capped-exponential';
export const MAIL_BACKOFF_CAP_MS = 30 * 60_000;
export const MAIL_ATTEMPTS = 40;

export function mailBackoffDelay(attemptsMade: number, firstDelayMs: number): number {
  return Math.min(firstDelayMs * 2 ** Math.max(0, attemptsMade - 1), MAIL_BACKOFF_CAP_MS);
}
