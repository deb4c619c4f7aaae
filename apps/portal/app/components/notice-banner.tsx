import { notices } from '../lib/notices';
import { useI18n, useRootData } from '../lib/root-data';

// The one-shot confirmation after a redirect ("Your details were saved").
export function NoticeBanner() {
  const { t } = useI18n();
  const notice = useRootData()?.notice;
  // The live region is always there, so a notice that appears after client-side navigation is read out.
  return (
    <div aria-live="polite" aria-atomic="true">
      {notice ? (
        <div className="notice">
          <p>{t(notices[notice])}</p>
        </div>
      ) : null}
    </div>
  );
}
