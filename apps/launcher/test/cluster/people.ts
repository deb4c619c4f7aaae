import type { ReceivedMail } from '@talkoot/testing';
import { type Cluster, waitFor } from './cluster.js';

export interface Session {
  token: string;
  userId: string;
}

export function tokenFromMail(mail: ReceivedMail): string {
  const token = /sign-in\/link\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no sign-in link in the mail to ${mail.to.join(', ')}`);
  return decodeURIComponent(token);
}

// As a person signs in: ask for a link through `baseUrl`, open the newest mail, exchange its token.
export async function signIn(cluster: Cluster, baseUrl: string, email: string): Promise<Session> {
  const toThem = () => cluster.smtp.received.filter((mail) => mail.to.includes(email));
  const before = toThem().length;
  const asked = await fetch(`${baseUrl}/api/auth/sign-in-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (asked.status !== 202) throw new Error(`sign-in request for ${email}: ${asked.status} ${await asked.text()}`);
  await waitFor(() => toThem().length > before, 20_000, `the sign-in mail to ${email}`);
  const answer = await fetch(`${baseUrl}/api/auth/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: tokenFromMail(toThem().at(-1)!) }),
  });
  const session = (await answer.json()) as { token?: string; user?: { id: string } };
  if (answer.status !== 201 || !session.token)
    throw new Error(`session for ${email}: ${answer.status} ${JSON.stringify(session)}`);
  return { token: session.token, userId: session.user!.id };
}
