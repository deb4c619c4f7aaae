import { Form, Link } from 'react-router';
import type { Member } from '../../lib/api-types';
import { roles } from '../../lib/api-types';
import { roleLabelKeys } from '../../lib/labels';
import { useI18n } from '../../lib/root-data';
import type { FormFailure } from '../../lib/forms';
import { ErrorSummary } from '../error-summary';

type Props = {
  members: Member[];
  viewerId: string | null;
  // ?remove=<userId>: the member whose removal is waiting for a second click (works without JS).
  confirmRemoveUserId: string | null;
  failure: FormFailure | undefined;
};

export function MembersSection({ members, viewerId, confirmRemoveUserId, failure }: Props) {
  const { t } = useI18n();
  const failedUserId = failure?.values.userId;
  return (
    <section className="section" aria-labelledby="members-title">
      <h2 id="members-title">{t('admin.members.title')}</h2>
      <ErrorSummary
        errors={failure?.errors}
        labels={{ role: t('admin.members.role') }}
        idPrefix={`member-${failedUserId ?? ''}`}
      />
      {members.length === 0 ? <p>{t('admin.members.empty')}</p> : null}
      <ul className="card-list">
        {members.map((member) => {
          const idPrefix = `member-${member.userId}`;
          const isConfirmingRemoval = confirmRemoveUserId === member.userId;
          const roleValue = failedUserId === member.userId ? failure?.values.role : undefined;
          return (
            <li key={member.userId} className="card">
              <h3>
                {member.name}
                {member.userId === viewerId ? <span className="tag">{t('admin.members.you')}</span> : null}
              </h3>
              <p className="muted break">{member.email}</p>
              <Form method="post" className="inline-form" preventScrollReset>
                <input type="hidden" name="intent" value="change-role" />
                <input type="hidden" name="userId" value={member.userId} />
                <label htmlFor={`${idPrefix}-role`}>{t('admin.members.role')}</label>
                <select id={`${idPrefix}-role`} name="role" defaultValue={roleValue ?? member.role}>
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(roleLabelKeys[role])}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button button--small button--secondary">
                  {t('admin.members.changeRole')}
                  <span className="visually-hidden">: {member.name}</span>
                </button>
              </Form>
              {isConfirmingRemoval ? (
                <div className="confirm">
                  <p id={`${idPrefix}-confirm`}>
                    <strong>{t('admin.members.confirmRemove', { name: member.name })}</strong>
                  </p>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="remove-member" />
                    <input type="hidden" name="userId" value={member.userId} />
                    <button type="submit" className="button button--small button--danger">
                      {t('admin.members.remove')}
                    </button>
                    <Link to="?" className="button button--small button--quiet" preventScrollReset>
                      {t('form.cancel')}
                    </Link>
                  </Form>
                </div>
              ) : (
                <p>
                  <Link to={`?remove=${encodeURIComponent(member.userId)}#members-title`} className="link-danger">
                    {t('admin.members.removeLink', { name: member.name })}
                  </Link>
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
