/** Caller numbers: waihu ListCallerNumbers (paging), AddCallerNumber, RemoveCallerNumber after a confirmation. */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, Dialog, ErrorBox, Field, Pager, Spinner, Table } from '../../ui';
import { numberColumns } from './number-columns';
import { CALLER_NUMBER, waihu, type NumberEntry, type PageData } from './numbers-api';

export function CallerNumbersSection() {
  const { t, dateTime } = useI18n();
  const [paging, setPaging] = useState({ PageNo: 1, PageSize: 10 });
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<NumberEntry | null>(null);
  const load = useLoad(() => waihu<PageData<NumberEntry>>('ListCallerNumbers', paging), JSON.stringify(paging));

  async function run(key: string, work: () => Promise<string>) {
    setBusy(key);
    setError(null);
    setNotice('');
    try {
      setNotice(await work());
      load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  function add(e: FormEvent) {
    e.preventDefault();
    const number = draft.trim();
    if (!CALLER_NUMBER.test(number)) {
      setProblem(t('numbers.caller.invalid'));
      return;
    }
    setProblem(undefined);
    void run('add', async () => {
      await waihu('AddCallerNumber', { PhoneNumber: number });
      setDraft('');
      setPaging({ ...paging, PageNo: 1 });
      return t('numbers.caller.added', { number });
    });
  }

  const columns = numberColumns({ t, dateTime }, busy, setRemoving);

  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="caller-title">
      <h2 id="caller-title">{t('numbers.caller.title')}</h2>
      <p className="muted">{t('numbers.caller.intro')}</p>
      <form className="filters" onSubmit={add} aria-label={t('numbers.caller.add')} noValidate>
        <Field label={t('numbers.caller.number')} hint={t('numbers.caller.hint')} error={problem}>
          {(ids) => <input {...ids} inputMode="numeric" autoComplete="off" maxLength={20} value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
        <div className="filters-actions">
          <Button type="submit" variant="primary" busy={busy === 'add'}>{t('numbers.caller.add')}</Button>
        </div>
      </form>
      <p role="status" className="notice-inline">{notice}</p>
      {error !== null && <ErrorBox error={error} title={t('numbers.actionFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {data && (
        <div aria-busy={load.state === 'loading'}>
          <Table caption={t('numbers.caller.title')} columns={columns} rows={data.List} rowKey={(r) => r.PhoneNumber} empty={t('numbers.caller.empty')} />
          <Pager label={t('numbers.caller.pager')} pageNo={paging.PageNo} pageSize={paging.PageSize} total={data.Total} onChange={(PageNo, PageSize) => setPaging({ PageNo, PageSize })} />
        </div>
      )}
      {removing && (
        <Dialog
          title={t('numbers.caller.confirmRemove')}
          onClose={() => setRemoving(null)}
          footer={
            <>
              <Button onClick={() => setRemoving(null)} data-autofocus>{t('common.cancel')}</Button>
              <Button variant="danger" onClick={() => {
                const number = removing.PhoneNumber;
                setRemoving(null);
                void run(number, async () => {
                  await waihu('RemoveCallerNumber', { PhoneNumber: number });
                  return t('numbers.removed', { number });
                });
              }}>{t('numbers.remove')}</Button>
            </>
          }
        >
          <p>{t('numbers.caller.confirmRemoveBody', { number: removing.PhoneNumber })}</p>
        </Dialog>
      )}
    </section>
  );
}
