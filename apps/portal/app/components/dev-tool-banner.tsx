import { useI18n } from '../lib/root-data';

export function DevToolBanner() {
  const { t } = useI18n();
  return (
    <div className="panel panel--warning" role="note">
      <p>
        <strong>{t('devMail.bannerTitle')}</strong> {t('devMail.bannerBody')}
      </p>
    </div>
  );
}
