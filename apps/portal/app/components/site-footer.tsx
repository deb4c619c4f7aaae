import { Link } from 'react-router';
import { useI18n } from '../lib/root-data';

export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p>
          <strong>Talkoot</strong> – {t('footer.tagline')}
        </p>
        <nav aria-label={t('footer.navLabel')}>
          <ul>
            <li>
              <Link to="/organisations">{t('nav.organisations')}</Link>
            </li>
            <li>
              <Link to="/lending">{t('footer.lending')}</Link>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
        </nav>
        <p className="site-footer__small">{t('footer.openSource')}</p>
      </div>
    </footer>
  );
}
