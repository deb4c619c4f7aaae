import type { ReactNode } from 'react';
import { useI18n } from '../lib/root-data';

export function fieldId(name: string, idPrefix?: string): string {
  return idPrefix ? `${idPrefix}-${name}` : name;
}

const describe = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

// A field's error line; the hidden prefix tells screen readers it is an error. aria-describedby
// points at `id`, so the message is read with the field.
export function FieldError({ id, error, role }: { id?: string; error: ReactNode; role?: 'alert' }) {
  const { t } = useI18n();
  return (
    <p className="field__error" id={id} role={role}>
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {error}
    </p>
  );
}

type FieldShellProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => ReactNode;
};

function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} error={error} /> : null}
      {children(describe(hintId, errorId))}
    </div>
  );
}

// A group of radios or checkboxes under a legend; the first option carries the field id so the
// error summary can link to the group.
function FieldsetShell({
  id,
  legend,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={`${error ? 'field field--error' : 'field'} ${className ?? ''}`.trim()}
      aria-describedby={describe(hintId, errorId)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} error={error} /> : null}
      <div className="choices">{children}</div>
    </fieldset>
  );
}

const optionId = (id: string, value: string, index: number) => (index === 0 ? id : `${id}-${value}`);

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
  type?: 'text' | 'email' | 'tel' | 'number';
  min?: number;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  maxLength?: number;
  className?: string;
  spellCheck?: boolean;
};

export function TextField({
  name,
  label,
  idPrefix,
  hint,
  error,
  required,
  defaultValue,
  type = 'text',
  ...rest
}: TextFieldProps) {
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
          min={rest.min}
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
  return (
    <FieldsetShell id={id} legend={legend} hint={hint} error={error}>
      {options.map((option, index) => (
        <div className="choice" key={option.value}>
          <input
            type="radio"
            id={optionId(id, option.value, index)}
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
          />
          <label htmlFor={optionId(id, option.value, index)} lang={option.lang}>
            {option.label}
          </label>
        </div>
      ))}
    </FieldsetShell>
  );
}

// Checkboxes that send one value each (repeated field name).
export function CheckboxGroupField({
  name,
  legend,
  idPrefix,
  hint,
  error,
  options,
  checked,
  className,
}: Omit<CommonFieldProps, 'label'> & { legend: string; options: SelectOption[]; checked: string[]; className?: string }) {
  const id = fieldId(name, idPrefix);
  return (
    <FieldsetShell id={id} legend={legend} hint={hint} error={error} className={className}>
      {options.map((option, index) => (
        <CheckboxChoice
          key={option.value}
          id={optionId(id, option.value, index)}
          name={name}
          value={option.value}
          label={option.label}
          isChecked={checked.includes(option.value)}
        />
      ))}
    </FieldsetShell>
  );
}

// A checkbox and its label, for lists of choices and single yes/no fields.
export function CheckboxChoice({
  id,
  name,
  value = 'yes',
  label,
  isChecked,
  describedBy,
  isInvalid,
}: {
  id: string;
  name: string;
  value?: string | number;
  label: ReactNode;
  isChecked?: boolean;
  describedBy?: string;
  isInvalid?: boolean;
}) {
  return (
    <div className="choice">
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value}
        defaultChecked={isChecked}
        aria-invalid={isInvalid ? true : undefined}
        aria-describedby={describedBy}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

// One yes/no checkbox: its error above it, a hint under it. `id` when the field id is not
// `<idPrefix>-<name>`.
export function CheckboxField({
  name,
  label,
  idPrefix,
  id: givenId,
  hint,
  hintClassName,
  error,
  value = 'yes',
  isChecked,
}: CommonFieldProps & { id?: string; hintClassName?: string; value?: string; isChecked?: boolean }) {
  const id = givenId ?? fieldId(name, idPrefix);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error ? <FieldError id={errorId} error={error} /> : null}
      <CheckboxChoice
        id={id}
        name={name}
        value={value}
        label={label}
        isChecked={isChecked}
        describedBy={describe(hintId, errorId)}
        isInvalid={!!error}
      />
      {hint ? (
        <p className={hintClassName ? `field__hint ${hintClassName}` : 'field__hint'} id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

// Native date and time inputs: the browser shows its own picker; without one, the hint explains the format.
export function DateTimeField({
  name,
  label,
  idPrefix,
  hint,
  error,
  type,
  value,
  className,
}: CommonFieldProps & { type: 'date' | 'time'; value?: string; className?: string }) {
  const id = fieldId(name, idPrefix);
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={value ?? ''}
          className={className}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}
