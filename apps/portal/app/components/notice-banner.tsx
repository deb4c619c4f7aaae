import { notices } from '../lib/notices';
import { useI18n, useRootData } from '../lib/root-data';

// The one-shot confirmation after a redirect ("Your details were saved").
export function NoticeBanner() {
  const { t } = useI18n();
  const notice = useRootData()?.notice;
  if (!notice) return null;
  return (
    <div className="notice" role="status">
      <p>{t(notices[notice])}</p>
    </div>
  );
}
