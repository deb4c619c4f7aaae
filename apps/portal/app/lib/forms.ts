import {
  emailSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  memberUpdateSchema,
  organisationCreateSchema,
  organisationUpdateSchema,
  profileUpdateSchema,
  signInCodeSchema,
} from '@talkoot/identity/schemas';
import { z } from 'zod';
import type { MessageKey } from './i18n';

// Forms are checked with the api's own schemas (@talkoot/identity/schemas), so the portal refuses
// exactly what the api would, before sending. The schemas speak English; the user reads the
// message chosen here by field and kind of problem, in their language.

export type FieldErrors = Partial<Record<string, MessageKey>>;

// What an action answers when a form must be shown again: its errors and what was typed.
export type FormFailure<Intent extends string = string> = {
  intent?: Intent;
  errors: FieldErrors;
  values: Record<string, string>;
};

export type FormResult<T> = { isValid: true; data: T } | { isValid: false; errors: FieldErrors };

type FormDefinition<T extends z.ZodType> = {
  schema: T;
  // The submitted text fields -> the api's request body.
  toInput: (values: Record<string, string>) => unknown;
  // Fields whose control is a select or radio group: "choose" rather than "fill in".
  choiceFields?: readonly string[];
};

function defineForm<T extends z.ZodType>(definition: FormDefinition<T>): FormDefinition<T> {
  return definition;
}

const text = (values: Record<string, string>, name: string) => values[name] ?? '';

export const signInRequestForm = defineForm({
  schema: z.strictObject({ email: emailSchema }),
  toInput: (values) => ({ email: text(values, 'email') }),
});

export const signInCodeForm = defineForm({
  schema: z.strictObject({ email: emailSchema, code: signInCodeSchema }),
  toInput: (values) => ({ email: text(values, 'email'), code: text(values, 'code') }),
});

export const profileForm = defineForm({
  schema: profileUpdateSchema,
  toInput: (values) => ({
    name: text(values, 'name'),
    phone: text(values, 'phone').trim(),
    ...(values.language ? { language: values.language } : {}),
  }),
  choiceFields: ['language'],
});

// Portal-only: the confirmation tick before deleting one's account.
export const deleteAccountForm = defineForm({
  schema: z.strictObject({ confirm: z.literal('yes') }),
  toInput: (values) => ({ confirm: text(values, 'confirm') }),
  choiceFields: ['confirm'],
});

function organisationInput(values: Record<string, string>) {
  const description: Record<string, string> = {};
  for (const [language, field] of [
    ['fi', 'descriptionFi'],
    ['sv', 'descriptionSv'],
    ['en', 'descriptionEn'],
  ] as const) {
    const value = text(values, field).trim();
    if (value) description[language] = value;
  }
  return {
    name: text(values, 'name'),
    kind: text(values, 'kind'),
    businessId: text(values, 'businessId').trim(),
    villageId: text(values, 'villageId'),
    contactEmail: text(values, 'contactEmail').trim(),
    contactPhone: text(values, 'contactPhone'),
    description,
  };
}

export const organisationCreateForm = defineForm({
  schema: organisationCreateSchema,
  toInput: organisationInput,
  choiceFields: ['kind', 'villageId'],
});

// Every field is sent on update: an emptied optional field becomes null and is cleared.
export const organisationUpdateForm = defineForm({
  schema: organisationUpdateSchema,
  toInput: organisationInput,
  choiceFields: ['kind', 'villageId'],
});

export const invitationForm = defineForm({
  schema: invitationCreateSchema,
  toInput: (values) => ({ email: text(values, 'email'), role: text(values, 'role') }),
  choiceFields: ['role'],
});

export const memberRoleForm = defineForm({
  schema: memberUpdateSchema,
  toInput: (values) => ({ role: text(values, 'role') }),
  choiceFields: ['role'],
});

export const invitationAcceptForm = defineForm({
  schema: invitationAcceptSchema,
  toInput: (values) => (text(values, 'name').trim() ? { name: text(values, 'name') } : {}),
});

// Reads a submitted form: text fields only (no files).
export function readFormValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData) {
    if (typeof value === 'string' && !(name in values)) values[name] = value;
  }
  return values;
}

export function parseForm<T extends z.ZodType>(form: FormDefinition<T>, values: Record<string, string>): FormResult<z.output<T>> {
  const result = form.schema.safeParse(form.toInput(values));
  if (result.success) return { isValid: true, data: result.data };
  return { isValid: false, errors: issuesToFieldErrors(result.error.issues, values, form.choiceFields ?? []) };
}

// The api's field paths that differ from the form's field names.
const fieldNamesByPath: Record<string, string> = {
  'description.fi': 'descriptionFi',
  'description.sv': 'descriptionSv',
  'description.en': 'descriptionEn',
};

export function toFieldName(path: readonly PropertyKey[]): string {
  const joined = path.map(String).join('.');
  return fieldNamesByPath[joined] ?? (joined || 'form');
}

// A field whose format has its own explanation ("like 1234567-8"); api errors use them too (api-errors.ts).
export const formatMessages: Partial<Record<string, MessageKey>> = {
  email: 'validation.email',
  contactEmail: 'validation.email',
  code: 'validation.code',
  businessId: 'validation.businessId',
  phone: 'validation.phone',
  contactPhone: 'validation.phone',
  villageId: 'validation.choose',
  confirm: 'validation.confirmDelete',
};

export function issuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  values: Record<string, string> = {},
  choiceFields: readonly string[] = [],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = toFieldName(issue.path);
    if (errors[field]) continue;
    const isChoice = choiceFields.includes(field);
    const isEmpty = field !== 'form' && (values[field] ?? '').trim() === '';
    if (isEmpty) {
      errors[field] = field === 'confirm' ? 'validation.confirmDelete' : isChoice ? 'validation.choose' : 'validation.required';
    } else if (issue.code === 'too_big') {
      errors[field] = 'validation.tooLong';
    } else if (issue.code === 'too_small') {
      errors[field] = 'validation.tooShort';
    } else if (issue.code === 'invalid_value') {
      errors[field] = formatMessages[field] ?? 'validation.choose';
    } else {
      errors[field] = formatMessages[field] ?? 'validation.invalid';
    }
  }
  return errors;
}
