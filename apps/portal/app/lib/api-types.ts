// Shapes of the api's JSON answers (the contract in the portal brief). Types only: browser-safe.
import type { Language } from './i18n';

export const roles = ['admin', 'coordinator', 'member'] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = ['association', 'parish', 'municipality', 'company', 'informal_group'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export type User = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  language: Language;
  isPlatformAdmin: boolean;
};

export type Membership = {
  organisation: { id: string; name: string; kind: OrganisationKind };
  role: Role;
};

export type Viewer = { user: User; memberships: Membership[] };

export type Village = { id: string; name: string };
export type Municipality = { id: string; name: string; villages: Village[] };
export type Region = { id: string; name: string; municipalities: Municipality[] };

export type LocalisedText = { fi?: string; sv?: string; en?: string };

export type Organisation = {
  id: string;
  name: string;
  kind: OrganisationKind;
  businessId: string | null;
  village: { id: string; name: string; municipality: { id: string; name: string } };
  contactEmail: string | null;
  contactPhone: string | null;
  description: LocalisedText;
};

export type Member = { userId: string; name: string; email: string; role: Role };

export type Invitation = { id: string; email: string; role: Role; createdAt: string; expiresAt: string };

export type PublicInvitation = {
  organisation: { id: string; name: string };
  role: Role;
  email: string;
  needsName: boolean;
};

export type SessionCreated = { token: string; expiresAt: string; user: User };

export type MailSummary = { id: string; to: string; subject: string; date: string };
export type MailMessage = MailSummary & {
  from: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export type ApiErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string> };
};
