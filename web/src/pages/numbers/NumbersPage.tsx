/** Numbers: the caller numbers single calls may show, and the do-not-call list the dialer honours. */
import { useI18n } from '../../i18n';
import { CallerNumbersSection } from './CallerNumbersSection';
import { DoNotCallSection } from './DoNotCallSection';

export default function NumbersPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('numbers.title')}</h1>
      <CallerNumbersSection />
      <DoNotCallSection />
    </section>
  );
}
