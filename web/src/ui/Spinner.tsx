import { useI18n } from '../i18n';

/** A loading indicator; `inline` for inside buttons (decorative), otherwise announced as a status. */
export function Spinner({ inline = false, label }: { inline?: boolean; label?: string }) {
  const { t } = useI18n();
  if (inline) return <span className="spinner spinner-inline" aria-hidden="true" />;
  return (
    <div className="spinner-row" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
