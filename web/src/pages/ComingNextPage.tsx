/** A section not built yet: says so plainly and lists the product actions it will call. No sample data. */
import { useI18n } from '../i18n';
import type { Section } from '../nav';

export default function ComingNextPage({ section }: { section: Section }) {
  const { t } = useI18n();
  const planned = section.planned!;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">
        {t(section.label)} <span className="badge badge-next">{t('planned.badge')}</span>
      </h1>
      <p>{t(planned.about)}</p>
      <h2>{t('planned.actionsTitle')}</h2>
      <ul className="action-list">
        {planned.actions.map((a) => (
          <li key={a}><code>POST /console/api/actions/{a}</code></li>
        ))}
      </ul>
      <p className="muted">{t('planned.note')}</p>
    </section>
  );
}
