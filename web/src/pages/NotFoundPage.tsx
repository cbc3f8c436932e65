import { useI18n } from '../i18n';
import { href } from '../router';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p><a href={href('/overview')}>{t('notFound.home')}</a></p>
    </section>
  );
}
