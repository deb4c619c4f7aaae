interface SmtpErrorFields {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
}

// Errors that no retry can fix without a change of data: the SMTP server refused for good
// (5xx; 503 "bad sequence" is only a session state, nodemailer marks it transient) or the
// message has no valid recipient. A payload that is not a mail fails before this (mail-delivery).
// Everything else (4xx, connection refused, timeouts, TLS hiccups, a full disk) is retried.
export function isPermanentMailError(error: unknown): boolean {
  const { code, responseCode, permanent } = (error ?? {}) as SmtpErrorFields;
  if (typeof permanent === 'boolean') return permanent;
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
  return code === 'EENVELOPE' || code === 'ECONFIG' || code === 'EMAXRECIPIENTS';
}

export function describeMailError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 2000);
  const { code, responseCode } = error as SmtpErrorFields;
  const prefix = [code, responseCode].filter((part) => part !== undefined).join(' ');
  return (prefix ? `${prefix}: ${error.message}` : error.message).slice(0, 2000);
}
