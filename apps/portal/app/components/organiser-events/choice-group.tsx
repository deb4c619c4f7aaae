import { useI18n } from '../../lib/root-data';
import { fieldId } from '../form-fields';

type ChoiceGroupProps = {
  name: string;
  legend: string;
  idPrefix: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  checked: string[];
  className?: string;
};

// Checkboxes that send one value each (repeated field name); the first carries the field id so
// the error summary can link to the group.
export function CheckboxGroup({ name, legend, idPrefix, hint, error, options, checked, className }: ChoiceGroupProps) {
  const { t } = useI18n();
  const id = fieldId(name, idPrefix);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`${error ? 'field field--error' : 'field'} ${className ?? ''}`.trim()} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <div className="choices">
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${option.value}`;
          return (
            <div className="choice" key={option.value}>
              <input type="checkbox" id={optionId} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
              <label htmlFor={optionId}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

// One checkbox with a visible label and an optional hint under it.
export function SingleCheckbox({ name, label, idPrefix, hint, isChecked, error }: { name: string; label: string; idPrefix: string; hint?: string; isChecked: boolean; error?: string }) {
  const { t } = useI18n();
  const id = fieldId(name, idPrefix);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <div className="choice">
        <input type="checkbox" id={id} name={name} value="yes" defaultChecked={isChecked} aria-describedby={describedBy} aria-invalid={error ? true : undefined} />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p className="field__hint event-form__checkbox-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
