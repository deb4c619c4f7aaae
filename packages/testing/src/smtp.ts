import { type AddressObject, simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  attachments: ParsedMail['attachments'];
  raw: string;
  // The client's port of the connection it came on (to tell which process sent it).
  remotePort: number;
}

export interface TestSmtpServerOptions {
  // Called when a client connects, while the connection is open.
  onConnect?: (remotePort: number) => void;
  // Consulted for each mail before it is accepted: an SMTP reply to answer instead (e.g. 421, 550).
  refuse?: (recipients: string[]) => { code: number; message: string } | undefined;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  // Answer the next DATA commands with this SMTP reply instead of accepting (e.g. 451 or 550).
  rejectNext: (code: number, message: string, times?: number) => void;
  waitForMail: (predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number) => Promise<ReceivedMail>;
  close: () => Promise<void>;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((entry) => entry.value.map((address) => address.address ?? ''));
}

// A real SMTP server on loopback: nodemailer talks the real protocol to it.
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rejections: { code: number; message: string }[] = [];
  const waiters: { predicate: (mail: ReceivedMail) => boolean; resolve: (mail: ReceivedMail) => void }[] = [];

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(session: SMTPServerSession, callback: (error?: Error | null) => void) {
      options.onConnect?.(session.remotePort);
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const recipients = session.envelope.rcptTo.map((address) => address.address);
        const rejection = rejections.shift() ?? options.refuse?.(recipients);
        if (rejection) {
          const error = Object.assign(new Error(rejection.message), { responseCode: rejection.code });
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const mail: ReceivedMail = {
              to: addresses(parsed.to),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers,
              attachments: parsed.attachments,
              raw,
              remotePort: session.remotePort,
            };
            received.push(mail);
            for (const waiter of [...waiters]) {
              if (waiter.predicate(mail)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(mail);
              }
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    rejectNext(code, message, times = 1) {
      for (let index = 0; index < times; index++) rejections.push({ code, message });
    },
    waitForMail(predicate = () => true, timeoutMs = 15_000) {
      const existing = received.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching mail arrived in time')), timeoutMs);
        waiters.push({
          predicate,
          resolve: (mail) => {
            clearTimeout(timer);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
