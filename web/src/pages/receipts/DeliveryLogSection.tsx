/**
 * The delivery log: waihu ListReceiptDeliveries with its filters (type, status, call) and paging, each message's body
 * on request, and RepushReceipts for one row or the selected rows (delivered or failed ones; pending ones are still
 * in delivery and cannot be selected).
 */
import { useState, type FormEvent } from 'react';
import { compact } from '../../format';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, Dialog, ErrorBox, Field, Pager, Spinner, Table, type Column } from '../../ui';
import { MAX_REPUSH, MESSAGE_TYPES, RECEIPT_STATUSES, waihu, type Delivery, type PageData } from './receipts-api';

const EMPTY = { MessageType: '', Status: '', CallId: '' };
const BADGE: Record<Delivery['Status'], string> = { pending: 'badge-init', delivered: 'badge-running', failed: 'badge-failed' };

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function DeliveryLogSection() {
  const { t, tCode, dateTime, number } = useI18n();
  const [draft, setDraft] = useState(EMPTY);
  const [filters, setFilters] = useState(EMPTY);
  const [paging, setPaging] = useState({ PageNo: 1, PageSize: 20 });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [body, setBody] = useState<Delivery | null>(null);

  const params = compact({ ...filters, CallId: filters.CallId.trim() });
  const load = useLoad(
    () => waihu<PageData<Delivery>>('ListReceiptDeliveries', { ...params, ...paging }),
    JSON.stringify([params, paging]),
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilters(draft);
    setPaging({ ...paging, PageNo: 1 });
    setSelected(new Set());
  }

  async function repush(ids: string[], key: string) {
    setBusy(key);
    setError(null);
    setNotice('');
    try {
      let queued = 0;
      const skipped: string[] = [];
      for (let i = 0; i < ids.length; i += MAX_REPUSH) {
        const res = await waihu<{ Queued: number; SkippedMessageIds: string[] }>('RepushReceipts', { MessageIds: ids.slice(i, i + MAX_REPUSH) });
        queued += res.Data.Queued;
        skipped.push(...res.Data.SkippedMessageIds);
      }
      setNotice(skipped.length > 0 ? t('receipts.log.repushedSkipped', { n: queued, skipped: skipped.length }) : t('receipts.log.repushed', { n: queued }));
      setSelected(new Set());
      load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const rows = load.data?.Data.List ?? [];
  const selectable = rows.filter((r) => r.Status !== 'pending');
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.MessageId));
  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  }

  const columns: Column<Delivery>[] = [
    {
      key: 'select',
      header: t('receipts.log.select'),
      render: (r) => (
        <input type="checkbox" aria-label={t('receipts.log.selectRow', { id: r.MessageId })} disabled={r.Status === 'pending'}
          checked={selected.has(r.MessageId)} onChange={() => toggle(r.MessageId)} />
      ),
    },
    { key: 'id', header: 'MessageId', render: (r) => <code>{r.MessageId}</code> },
    { key: 'type', header: t('receipts.log.type'), render: (r) => r.MessageType },
    { key: 'call', header: 'CallId', render: (r) => <code>{r.CallId}</code> },
    { key: 'mode', header: t('receipts.log.mode'), render: (r) => tCode('receipts.mode', r.Mode) },
    { key: 'status', header: t('receipts.log.status'), render: (r) => <span className={`badge ${BADGE[r.Status] ?? ''}`}>{tCode('receipts.status', r.Status)}</span> },
    { key: 'attempts', header: t('receipts.log.attempts'), align: 'num', render: (r) => number(r.Attempts) },
    { key: 'http', header: t('receipts.log.http'), align: 'num', render: (r) => (r.LastHttpStatus ?? '') },
    { key: 'error', header: t('receipts.log.error'), render: (r) => <span style={{ whiteSpace: 'normal', display: 'block', maxWidth: '18rem' }}>{r.LastError}</span> },
    { key: 'last', header: t('receipts.log.lastAttempt'), render: (r) => dateTime(r.LastAttemptTime ?? undefined) },
    { key: 'next', header: t('receipts.log.nextAttempt'), render: (r) => dateTime(r.NextAttemptTime ?? undefined) },
    { key: 'delivered', header: t('receipts.log.delivered'), render: (r) => dateTime(r.DeliveredTime ?? undefined) },
    { key: 'created', header: t('receipts.log.created'), render: (r) => dateTime(r.CreateTime) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => (
        <span className="row-actions">
          <Button onClick={() => setBody(r)} aria-label={t('receipts.log.bodyFor', { id: r.MessageId })}>{t('receipts.log.body')}</Button>
          <Button busy={busy === r.MessageId} disabled={busy !== null || r.Status === 'pending'} onClick={() => void repush([r.MessageId], r.MessageId)}
            aria-label={t('receipts.log.retryFor', { id: r.MessageId })}>
            {t('receipts.log.retry')}
          </Button>
        </span>
      ),
    },
  ];

  const data = load.data?.Data;
  const filtered = Boolean(filters.MessageType || filters.Status || filters.CallId.trim());
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">{t('receipts.log.title')}</h2>
      <p className="muted">{t('receipts.log.intro')}</p>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('receipts.log.filters')}>
        <Field label={t('receipts.log.type')}>
          {(ids) => (
            <select {...ids} value={draft.MessageType} onChange={(e) => setDraft({ ...draft, MessageType: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {MESSAGE_TYPES.map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('receipts.log.status')}>
          {(ids) => (
            <select {...ids} value={draft.Status} onChange={(e) => setDraft({ ...draft, Status: e.target.value })}>
              <option value="">{t('common.all')}</option>
              {RECEIPT_STATUSES.map((s) => <option key={s} value={s}>{tCode('receipts.status', s)}</option>)}
            </select>
          )}
        </Field>
        <Field label="CallId">
          {(ids) => <input {...ids} type="search" maxLength={64} value={draft.CallId} onChange={(e) => setDraft({ ...draft, CallId: e.target.value })} />}
        </Field>
        <div className="filters-actions">
          <Button type="submit" variant="primary">{t('common.search')}</Button>
          <Button onClick={() => { setDraft(EMPTY); setFilters(EMPTY); setPaging({ ...paging, PageNo: 1 }); setSelected(new Set()); }}>{t('common.reset')}</Button>
          <Button onClick={load.reload}>{t('common.refresh')}</Button>
        </div>
      </form>
      <div className="toolbar">
        <Button onClick={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.MessageId)))} disabled={selectable.length === 0}>
          {allSelected ? t('receipts.log.selectNone') : t('receipts.log.selectAll')}
        </Button>
        <Button variant="primary" busy={busy === 'selected'} disabled={selected.size === 0 || busy !== null} onClick={() => void repush([...selected], 'selected')}>
          {t('receipts.log.retrySelected', { n: selected.size })}
        </Button>
        <span role="status" className="notice-inline">{notice}</span>
      </div>
      {error !== null && <ErrorBox error={error} title={t('receipts.log.retryFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {data && (
        <div aria-busy={load.state === 'loading'}>
          <Table caption={t('receipts.log.title')} columns={columns} rows={data.List} rowKey={(r) => r.MessageId}
            empty={filtered ? t('receipts.log.emptyFiltered') : t('receipts.log.empty')} />
          <Pager label={t('receipts.log.pager')} pageNo={paging.PageNo} pageSize={paging.PageSize} total={data.Total}
            onChange={(PageNo, PageSize) => { setPaging({ PageNo, PageSize }); setSelected(new Set()); }} />
        </div>
      )}
      {body && (
        <Dialog title={t('receipts.log.bodyTitle', { id: body.MessageId })} onClose={() => setBody(null)}
          footer={<Button onClick={() => setBody(null)} data-autofocus>{t('common.close')}</Button>}>
          <pre className="mono" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>{prettyBody(body.Body)}</pre>
        </Dialog>
      )}
    </section>
  );
}
