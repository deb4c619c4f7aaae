import { useSyncExternalStore } from 'react';
import { useI18n } from '../../lib/root-data';

const subscribe = () => () => {};

// The button appears once scripts run (false on the server); the hint works everywhere.
export function PrintButton() {
  const { t } = useI18n();
  const hasScripts = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <div className="sheet__actions">
      {hasScripts ? (
        <button type="button" className="button" onClick={() => window.print()}>
          {t('assisted.sheet.print')}
        </button>
      ) : null}
      <p className="field__hint">{t('assisted.sheet.printHint')}</p>
    </div>
  );
}
