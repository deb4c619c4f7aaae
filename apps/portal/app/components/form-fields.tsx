import type { ReactNode } from 'react';
import { useI18n } from '../lib/root-data';

export function fieldId(name: string, idPrefix?: string): string {
  return idPrefix ? `${idPrefix}-${name}` : name;
}

type FieldShellProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
};

function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  const { t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      {children(describedBy)}
    </div>
  );
}

type CommonFieldProps = {
  name: string;
  label: string;
  idPrefix?: string;
  hint?: string;
  error?: string;
  required?: boolean;
};

type TextFieldProps = CommonFieldProps & {
  defaultValue?: string | null;
  type?: 'text' | 'email' | 'tel';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  maxLength?: number;
  className?: string;
  spellCheck?: boolean;
};

export function TextField({ name, label, idPrefix, hint, error, required, defaultValue, type = 'text', ...rest }: TextFieldProps) {
  const id = fieldId(name, idPrefix);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={defaultValue ?? ''}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={rest.autoComplete}
          inputMode={rest.inputMode}
          maxLength={rest.maxLength}
          className={rest.className}
          spellCheck={rest.spellCheck}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  idPrefix,
  hint,
  error,
  defaultValue,
  lang,
}: CommonFieldProps & { defaultValue?: string | null; lang?: string }) {
  const id = fieldId(name, idPrefix);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          rows={5}
          lang={lang}
          defaultValue={defaultValue ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

export function SelectField({
  name,
  label,
  idPrefix,
  hint,
  error,
  required,
  defaultValue,
  options,
  groups,
  placeholder,
}: CommonFieldProps & { defaultValue?: string | null; options?: SelectOption[]; groups?: SelectGroup[]; placeholder?: string }) {
  const id = fieldId(name, idPrefix);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          id={id}
          name={name}
          defaultValue={defaultValue ?? ''}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {groups?.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type RadioOption = SelectOption & { lang?: string };

export function RadioGroupField({
  name,
  legend,
  idPrefix,
  hint,
  error,
  defaultValue,
  options,
}: Omit<CommonFieldProps, 'label'> & { legend: string; defaultValue?: string; options: RadioOption[] }) {
  const id = fieldId(name, idPrefix);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const { t } = useI18n();
  return (
    <fieldset className={error ? 'field field--error' : 'field'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <div className="choices">
        {options.map((option, index) => {
          // The first radio carries the field id so the error summary can link to it.
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
              />
              <label htmlFor={optionId} lang={option.lang}>
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

export function CheckboxField({
  name,
  label,
  idPrefix,
  error,
  value = 'yes',
}: CommonFieldProps & { value?: string }) {
  const id = fieldId(name, idPrefix);
  const errorId = error ? `${id}-error` : undefined;
  const { t } = useI18n();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error ? (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <div className="choice">
        <input type="checkbox" id={id} name={name} value={value} aria-invalid={error ? true : undefined} aria-describedby={errorId} />
        <label htmlFor={id}>{label}</label>
      </div>
    </div>
  );
}
