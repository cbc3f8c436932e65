import { useI18n } from '../i18n';
import { Button } from './Button';

const SIZES = [10, 20, 50, 100];

/** Previous/next paging with the position and total, plus a page-size choice. */
export function Pager({ pageNo, pageSize, total, onChange, label }: {
  pageNo: number;
  pageSize: number;
  total: number;
  onChange(pageNo: number, pageSize: number): void;
  label: string;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={label}>
      <Button onClick={() => onChange(pageNo - 1, pageSize)} disabled={pageNo <= 1}>{t('pager.prev')}</Button>
      <span aria-live="polite">{t('pager.position', { page: pageNo, pages, total })}</span>
      <Button onClick={() => onChange(pageNo + 1, pageSize)} disabled={pageNo >= pages}>{t('pager.next')}</Button>
      <label className="pager-size">
        {t('pager.size')}
        <select value={pageSize} onChange={(e) => onChange(1, Number(e.target.value))}>
          {SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
      </label>
    </nav>
  );
}
