import { Form } from 'react-router';
import type { Invitation } from '../../lib/api-types';
import { roles } from '../../lib/api-types';
import { formatDateTime, roleLabelKeys } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import type { FormFailure } from '../../lib/forms';
import { ErrorSummary } from '../error-summary';
import { SelectField, TextField } from '../form-fields';

type Props = {
  invitations: Invitation[];
  failure: FormFailure | undefined;
};

export function InvitationsSection({ invitations, failure }: Props) {
  const { t, language } = useI18n();
  const inviteFailure = failure?.intent === 'invite' ? failure : undefined;
  const revokeFailure = failure?.intent === 'revoke-invitation' ? failure : undefined;
  const labels = { email: t('admin.invitations.email'), role: t('admin.invitations.role') };
  return (
    <section className="section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('admin.invitations.title')}</h2>
      <p>{t('admin.invitations.intro')}</p>

      <div className="panel">
        <h3 id="invite-title">{t('admin.invitations.inviteTitle')}</h3>
        <ErrorSummary errors={inviteFailure?.errors} labels={labels} idPrefix="invite" />
        <Form method="post" noValidate className="stack" aria-labelledby="invite-title">
          <input type="hidden" name="intent" value="invite" />
          <TextField
            idPrefix="invite"
            name="email"
            type="email"
            label={labels.email}
            spellCheck={false}
            defaultValue={inviteFailure?.values.email}
            error={inviteFailure?.errors.email ? t(inviteFailure.errors.email) : undefined}
          />
          <SelectField
            idPrefix="invite"
            name="role"
            label={labels.role}
            hint={t('admin.invitations.roleHint')}
            defaultValue={inviteFailure?.values.role ?? 'member'}
            options={roles.map((role) => ({ value: role, label: t(roleLabelKeys[role]) }))}
            error={inviteFailure?.errors.role ? t(inviteFailure.errors.role) : undefined}
          />
          <button type="submit" className="button">
            {t('admin.invitations.send')}
          </button>
        </Form>
      </div>

      <h3>{t('admin.invitations.pendingTitle')}</h3>
      <ErrorSummary errors={revokeFailure?.errors} labels={{}} idPrefix="revoke" />
      {invitations.length === 0 ? (
        <p>{t('admin.invitations.empty')}</p>
      ) : (
        <ul className="card-list">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="card">
              <p className="break">
                <strong>{invitation.email}</strong>
              </p>
              <p className="muted">
                {t(roleLabelKeys[invitation.role])} ·{' '}
                {t('admin.invitations.expires', { date: formatDateTime(invitation.expiresAt, language) })}
              </p>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="revoke-invitation" />
                <input type="hidden" name="invitationId" value={invitation.id} />
                <button type="submit" className="button button--small button--secondary">
                  {t('admin.invitations.revoke')}
                  <span className="visually-hidden">: {invitation.email}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
