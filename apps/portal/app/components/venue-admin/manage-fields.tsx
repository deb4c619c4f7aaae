import type { ReactNode } from 'react';
import { useI18n } from '../../lib/root-data';
import { fieldId } from '../form-fields';

// Inputs the shared form-fields lack: a checkbox that shows its saved state, and a date input.

export function SavedCheckbox({ id, name, value = 'yes', label, isChecked }: { id: string; name: string; value?: string; label: ReactNode; isChecked: boolean }) {
  return (
    <div className="choice">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={isChecked} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function DateField({ name, idPrefix, label, defaultValue, error }: { name: string; idPrefix: string; label: string; defaultValue?: string; error?: string }) {
  const { t } = useI18n();
  const id = fieldId(name, idPrefix);
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <input className="manage-date" type="date" id={id} name={name} defaultValue={defaultValue ?? ''} aria-invalid={error ? true : undefined} aria-describedby={errorId} />
    </div>
  );
}
