import { useI18n } from '../lib/root-data';

// React 19 hoists <title> into <head>. A form with errors says so first, for screen readers.
export function PageTitle({ title, hasErrors = false }: { title: string; hasErrors?: boolean }) {
  const { t } = useI18n();
  const text = `${hasErrors ? `${t('form.errorTitlePrefix')} ` : ''}${title} – Talkoot`;
  return <title>{text}</title>;
}
