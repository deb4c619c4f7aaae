import { useEffect, useRef } from 'react';
import type { FieldErrors } from '../lib/forms';
import { useI18n } from '../lib/root-data';
import { fieldId } from './form-fields';

type ErrorSummaryProps = {
  errors: FieldErrors | undefined;
  // Field names in the order of the form, with their visible labels.
  labels: Record<string, string>;
  idPrefix?: string;
};

// GOV.UK-style summary at the top of a form: focused when it appears, each line links to its field.
export function ErrorSummary({ errors, labels, idPrefix }: ErrorSummaryProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {}).filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => !!entry[1]);
  // After each failed submission (also a repeated one with JavaScript), start at the list of problems.
  useEffect(() => {
    if (errors && Object.values(errors).some(Boolean)) ref.current?.focus();
  }, [errors]);
  if (entries.length === 0) return null;
  const titleId = fieldId('error-summary-title', idPrefix);
  const ordered = entries.toSorted(([a], [b]) => indexOrEnd(Object.keys(labels), a) - indexOrEnd(Object.keys(labels), b));
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={ref}
      // Focus moves to the summary of problems (the GOV.UK pattern); rendered as the HTML attribute,
      // it works without JavaScript too. It only appears after the person submitted the form.
      // oxlint-disable-next-line jsx-a11y/no-autofocus
      autoFocus
    >
      <h2 id={titleId}>{t('form.errorSummaryTitle')}</h2>
      <ul>
        {ordered.map(([name, key]) =>
          labels[name] ? (
            <li key={name}>
              <a href={`#${fieldId(name, idPrefix)}`}>
                {labels[name]}: {t(key)}
              </a>
            </li>
          ) : (
            <li key={name}>{t(key)}</li>
          ),
        )}
      </ul>
    </div>
  );
}

function indexOrEnd(list: string[], item: string): number {
  const index = list.indexOf(item);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
