/**
 * A task's recipients: aiccs QueryAiCallDetailPage with its documented filters and paging, and a CSV export
 * built here from the same action's pages (100 rows a call).
 */
import { useState, type FormEvent } from 'react';
import { CALL_RESULTS, type DetailEntry, type DetailPageParams } from '../actions';
import { callAction } from '../api';
import { download, toCsv } from '../csv';
import { compact, duration, localInputToMs, numberOrUndefined } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useLoad } from '../use-load';
import { Button, ErrorBox, Field, Pager, Spinner, Table, type Column } from '../ui';

/** QueryAiCallDetailPage's required Status groups: 0 not finished, 1 ended, 2 failed. */
const GROUPS = [0, 1, 2] as const;
const EXPORT_PAGE = 100;
const EXPORT_MAX_ROWS = 50_000;

const EMPTY_FILTERS = {
  CalledNumber: '', CallResult: '', BatchId: '', OutId: '', MajorIntent: '',
  MinDuration: '', MaxDuration: '', ImportedFrom: '', ImportedTo: '', CallingFrom: '', CallingTo: '',
};
type Filters = typeof EMPTY_FILTERS;

function toParams(taskId: string, group: number, f: Filters): DetailPageParams {
  return compact({
    TaskId: taskId,
    Status: group,
    CalledNumber: f.CalledNumber.trim(),
    CallResult: f.CallResult,
    BatchId: f.BatchId.trim(),
    OutId: f.OutId.trim(),
    MajorIntent: f.MajorIntent.trim(),
    MinConversationDuration: numberOrUndefined(f.MinDuration),
    MaxConversationDuration: numberOrUndefined(f.MaxDuration),
    StartImportedTime: localInputToMs(f.ImportedFrom),
    EndImportedTime: localInputToMs(f.ImportedTo),
    StartCallingTime: localInputToMs(f.CallingFrom),
    EndCallingTime: localInputToMs(f.CallingTo),
  });
}

const CSV_FIELDS: (keyof DetailEntry)[] = [
  'DetailId', 'TaskId', 'BatchId', 'CalledNumber', 'EncryptionType', 'OutId', 'Status', 'ImportedTime', 'CallingTime',
  'CallResult', 'FailedReason', 'ConversationDuration', 'ConversationTurnCount', 'MajorIntent', 'Options',
];

function csvValue(row: DetailEntry, key: keyof DetailEntry): unknown {
  const value = row[key];
  if ((key === 'ImportedTime' || key === 'CallingTime') && typeof value === 'number') return new Date(value).toISOString();
  return value;
}

/** A row whose recipient was dialed at least once: it has a call to open (the page finds its CallId). */
function wasCalled(row: DetailEntry): boolean {
  return row.CallingTime !== undefined || row.CallResult !== undefined;
}

function CallLink({ row }: { row: DetailEntry }) {
  const { t } = useI18n();
  return (
    <a href={href(`/calls/by-detail/${encodeURIComponent(row.TaskId)}/${encodeURIComponent(row.DetailId)}`)} aria-label={t('recipients.openCallOf', { number: row.CalledNumber })}>
      {t('recipients.openCall')}
    </a>
  );
}

export function RecipientsSection({ taskId }: { taskId: string }) {
  const { t, tCode, dateTime, number } = useI18n();
  const [group, setGroup] = useState<number>(0);
  const [draft, setDraft] = useState<Filters>(EMPTY_FILTERS);
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS);
  const [paging, setPaging] = useState({ PageNo: 1, PageSize: 20 });
  const [exporting, setExporting] = useState<string | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [cancelNotice, setCancelNotice] = useState('');
  const [cancelError, setCancelError] = useState<unknown>(null);

  const params = toParams(taskId, group, filters);
  const load = useLoad(
    () => callAction('aiccs', 'QueryAiCallDetailPage', { ...params, ...paging }),
    JSON.stringify([params, paging]),
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
    setPaging({ ...paging, PageNo: 1 });
  }

  /** Cancels one number not yet queued or calling (aiccs CancelAiCallDetails); the server says when it is too late. */
  async function cancel(row: DetailEntry) {
    setCancelling(row.DetailId);
    setCancelNotice('');
    setCancelError(null);
    try {
      const res = await callAction('aiccs', 'CancelAiCallDetails', { TaskId: taskId, DetailIdList: [row.DetailId] });
      const data = res.Data as { SucceedCount?: number; FailedDetails?: string } | undefined;
      setCancelNotice(data?.SucceedCount
        ? t('recipients.cancelled', { number: row.CalledNumber })
        : t('recipients.cancelRefused', { number: row.CalledNumber, reason: data?.FailedDetails ?? '' }));
      load.reload();
    } catch (err) {
      setCancelError(err);
    } finally {
      setCancelling(null);
    }
  }

  async function exportCsv() {
    setExportError(null);
    setExporting(t('recipients.exportStarting'));
    try {
      const rows: DetailEntry[] = [];
      for (let pageNo = 1; rows.length < EXPORT_MAX_ROWS; pageNo++) {
        const page = (await callAction('aiccs', 'QueryAiCallDetailPage', { ...params, PageNo: pageNo, PageSize: EXPORT_PAGE })).Data;
        rows.push(...page.List);
        setExporting(t('recipients.exportProgress', { done: rows.length, total: page.Total }));
        if (page.List.length < EXPORT_PAGE || rows.length >= page.Total) break;
      }
      const csv = toCsv(CSV_FIELDS, rows.slice(0, EXPORT_MAX_ROWS).map((r) => CSV_FIELDS.map((k) => csvValue(r, k))));
      download(`task-${taskId}-${['pending', 'ended', 'failed'][group]}.csv`, csv);
      setExporting(null);
    } catch (err) {
      setExportError(err);
      setExporting(null);
    }
  }

  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const text = (key: keyof Filters, label: string, type = 'text', hint?: string) => (
    <Field label={label} hint={hint}>{(ids) => <input {...ids} type={type} value={draft[key]} onChange={set(key)} />}</Field>
  );

  const columns: Column<DetailEntry>[] = [
    { key: 'number', header: t('recipients.col.number'), render: (r) => r.CalledNumber },
    // Next to the number, so the link is in view without scrolling the wide table sideways.
    { key: 'call', header: t('recipients.col.call'), render: (r) => (wasCalled(r) ? <CallLink row={r} /> : '') },
    { key: 'state', header: t('recipients.col.state'), render: (r) => tCode('detailState', r.Status) },
    { key: 'result', header: t('recipients.col.result'), render: (r) => (r.CallResult ? tCode('callResult', r.CallResult) : '') },
    { key: 'calling', header: t('recipients.col.calling'), render: (r) => dateTime(r.CallingTime) },
    { key: 'duration', header: t('recipients.col.duration'), align: 'num', render: (r) => duration(r.ConversationDuration) },
    { key: 'turns', header: t('recipients.col.turns'), align: 'num', render: (r) => (r.ConversationTurnCount === undefined ? '' : number(r.ConversationTurnCount)) },
    { key: 'intent', header: t('recipients.col.intent'), render: (r) => r.MajorIntent ?? '' },
    { key: 'reason', header: t('recipients.col.reason'), render: (r) => r.FailedReason ?? '' },
    { key: 'imported', header: t('recipients.col.imported'), render: (r) => dateTime(r.ImportedTime) },
    { key: 'outId', header: t('recipients.col.outId'), render: (r) => r.OutId ?? '' },
    { key: 'detailId', header: t('recipients.col.detailId'), render: (r) => <code>{r.DetailId}</code> },
    ...(group === 0
      ? [{
        key: 'cancel', header: t('recipients.col.cancel'),
        render: (r: DetailEntry) => (
          <Button variant="danger" busy={cancelling === r.DetailId} disabled={cancelling !== null} onClick={() => void cancel(r)} aria-label={t('recipients.cancelOf', { number: r.CalledNumber })}>
            {t('recipients.cancel')}
          </Button>
        ),
      }]
      : []),
  ];

  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t('recipients.title')}</h2>
      <span role="status" className="notice-inline">{cancelNotice}</span>
      {cancelError !== null && <ErrorBox error={cancelError} />}
      <div className="segmented" role="group" aria-label={t('recipients.group')}>
        {GROUPS.map((g) => (
          <button key={g} type="button" aria-pressed={group === g} onClick={() => { setGroup(g); setPaging({ ...paging, PageNo: 1 }); }}>
            {t(`recipients.group.${g}`)}
          </button>
        ))}
      </div>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('recipients.filters')}>
        {text('CalledNumber', t('recipients.f.number'))}
        <Field label={t('recipients.f.result')}>
          {(ids) => (
            <select {...ids} value={draft.CallResult} onChange={set('CallResult')}>
              <option value="">{t('common.all')}</option>
              {CALL_RESULTS.map((c) => <option key={c} value={c}>{tCode('callResult', c)}</option>)}
            </select>
          )}
        </Field>
        {text('BatchId', t('recipients.f.batch'))}
        {text('OutId', t('recipients.f.outId'))}
        {text('MajorIntent', t('recipients.f.intent'))}
        {text('MinDuration', t('recipients.f.minDuration'), 'number', t('recipients.minutesHint'))}
        {text('MaxDuration', t('recipients.f.maxDuration'), 'number', t('recipients.minutesHint'))}
        {text('ImportedFrom', t('recipients.f.importedFrom'), 'datetime-local')}
        {text('ImportedTo', t('recipients.f.importedTo'), 'datetime-local')}
        {text('CallingFrom', t('recipients.f.callingFrom'), 'datetime-local')}
        {text('CallingTo', t('recipients.f.callingTo'), 'datetime-local')}
        <div className="filters-actions">
          <Button type="submit" variant="primary">{t('common.search')}</Button>
          <Button onClick={() => { setDraft(EMPTY_FILTERS); setFilters(EMPTY_FILTERS); setPaging({ ...paging, PageNo: 1 }); }}>{t('common.reset')}</Button>
          <Button onClick={exportCsv} busy={exporting !== null} disabled={!data || data.Total === 0}>{t('recipients.export')}</Button>
          <span role="status" className="notice-inline">{exporting ?? ''}</span>
        </div>
      </form>
      {data && data.Total > EXPORT_MAX_ROWS && <p className="muted">{t('recipients.exportCap', { max: EXPORT_MAX_ROWS })}</p>}
      {exportError !== null && <ErrorBox error={exportError} title={t('recipients.exportFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {data && (
        <div aria-busy={load.state === 'loading'}>
          <Table
            caption={t('recipients.title')}
            columns={columns}
            rows={data.List}
            rowKey={(r) => r.DetailId}
            empty={t('recipients.empty')}
          />
          <Pager label={t('recipients.pager')} pageNo={paging.PageNo} pageSize={paging.PageSize} total={data.Total} onChange={(PageNo, PageSize) => setPaging({ PageNo, PageSize })} />
        </div>
      )}
    </section>
  );
}
