/** The columns of both number lists (caller numbers, do-not-call): the number, when it was added, a remove button. */
import type { I18n } from '../../i18n';
import { Button, type Column } from '../../ui';
import type { NumberEntry } from './numbers-api';

/** `busy`: the number being removed, if any; `onRemove` asks for confirmation. */
export function numberColumns(i18n: Pick<I18n, 't' | 'dateTime'>, busy: string | null, onRemove: (entry: NumberEntry) => void): Column<NumberEntry>[] {
  const { t, dateTime } = i18n;
  return [
    { key: 'number', header: t('numbers.number'), render: (r) => <span className="mono">{r.PhoneNumber}</span> },
    { key: 'created', header: t('numbers.addedAt'), render: (r) => dateTime(r.CreateTime) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => (
        <Button variant="danger" busy={busy === r.PhoneNumber} disabled={busy !== null} onClick={() => onRemove(r)} aria-label={t('numbers.removeNamed', { number: r.PhoneNumber })}>
          {t('numbers.remove')}
        </Button>
      ),
    },
  ];
}
