import { useI18n } from '../../lib/root-data';

// A native date or time input with its hint; without a picker, the hint explains the format.
export function DateTimeField({ idPrefix, name, type, label, hint, error, value }: { idPrefix: string; name: string; type: 'date' | 'time'; label: string; hint: string; error?: string; value?: string }) {
  const { t } = useI18n();
  const id = `${idPrefix}-${name}`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <input id={id} name={name} type={type} defaultValue={value ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
    </div>
  );
}
