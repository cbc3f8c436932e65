import { useI18n } from '../i18n';
import { statusName } from '../task-status';

export function TaskStatusBadge({ code }: { code: number }) {
  const { t, tCode } = useI18n();
  const name = statusName(code);
  return <span className={`badge badge-${(name ?? 'unknown').toLowerCase()}`}>{name ? tCode('taskStatus', name) : t('taskStatus.unknown', { code })}</span>;
}
