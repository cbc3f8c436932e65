/**
 * The do-not-call list: waihu ListDoNotCallNumbers (paging), AddDoNotCallNumbers from typed lines or an uploaded
 * CSV/TXT file (checked line by line here, so the report names the file's bad lines; sent 1000 numbers a call), and
 * RemoveDoNotCallNumbers after a confirmation.
 */
import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, Dialog, ErrorBox, Field, Pager, Spinner, Table, type Column } from '../../ui';
import { numberColumns } from './number-columns';
import { parseNumberFile, type BadLine, type NumberFile } from './number-file';
import { MAX_NUMBERS_PER_CALL, waihu, type NumberEntry, type PageData } from './numbers-api';

const MAX_FILE_BYTES = 5 * 1024 * 1024;
const TEXTAREA = { font: 'inherit', padding: '.4rem .5rem', border: '1px solid #8c959f', borderRadius: '6px', minWidth: 'min(20rem, 80vw)' };
const BAD_LINES_SHOWN = 200;

/** What one import did: the parse (bad lines by line number) and how many numbers the server took. */
interface ImportReport {
  source: string;
  parsed: NumberFile;
  added: number;
  sent: number;
  error?: unknown;
}

/** Sends the numbers in calls of MAX_NUMBERS_PER_CALL; stops at the first refusal and says how far it got. */
async function addAll(numbers: string[], onProgress: (sent: number) => void): Promise<{ added: number; sent: number; error?: unknown }> {
  let added = 0;
  let sent = 0;
  for (let i = 0; i < numbers.length; i += MAX_NUMBERS_PER_CALL) {
    const batch = numbers.slice(i, i + MAX_NUMBERS_PER_CALL);
    try {
      added += (await waihu<{ Added: number }>('AddDoNotCallNumbers', { PhoneNumbers: batch })).Data.Added;
    } catch (error) {
      return { added, sent, error };
    }
    sent += batch.length;
    onProgress(sent);
  }
  return { added, sent };
}

function Report({ report }: { report: ImportReport }) {
  const { t, number } = useI18n();
  const { parsed } = report;
  const columns: Column<BadLine>[] = [
    { key: 'line', header: t('numbers.dnc.line'), align: 'num', render: (b) => number(b.line) },
    { key: 'text', header: t('numbers.dnc.lineText'), render: (b) => <code>{b.text}</code> },
  ];
  return (
    <div className="card" role="region" aria-label={t('numbers.dnc.report')}>
      <h3 style={{ margin: '0 0 .5rem', fontSize: '1rem' }}>{t('numbers.dnc.reportTitle', { source: report.source })}</h3>
      <p className="stats" style={{ marginTop: 0 }}>
        <span>{t('numbers.dnc.valid', { n: parsed.numbers.length })}</span>
        <span>{t('numbers.dnc.addedNew', { n: report.added, already: report.sent - report.added })}</span>
        {parsed.duplicates > 0 && <span>{t('numbers.dnc.duplicates', { n: parsed.duplicates })}</span>}
        {parsed.header && <span>{t('numbers.dnc.headerSkipped')}</span>}
        <span>{t('numbers.dnc.invalid', { n: parsed.bad.length })}</span>
      </p>
      {report.error !== undefined && (
        <ErrorBox error={report.error} title={t('numbers.dnc.stopped', { sent: report.sent, total: parsed.numbers.length })} />
      )}
      {parsed.bad.length > 0 && (
        <>
          <p className="warning">{t('numbers.dnc.badLines', { lines: parsed.bad.slice(0, 20).map((b) => b.line).join(', ') + (parsed.bad.length > 20 ? '…' : '') })}</p>
          <Table caption={t('numbers.dnc.badCaption')} columns={columns} rows={parsed.bad.slice(0, BAD_LINES_SHOWN)} rowKey={(b) => String(b.line)} empty="" />
          {parsed.bad.length > BAD_LINES_SHOWN && <p className="muted">{t('numbers.dnc.moreBad', { n: parsed.bad.length - BAD_LINES_SHOWN })}</p>}
        </>
      )}
    </div>
  );
}

export function DoNotCallSection() {
  const { t, dateTime } = useI18n();
  const [paging, setPaging] = useState({ PageNo: 1, PageSize: 20 });
  const [typed, setTyped] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const [typedProblem, setTypedProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<NumberEntry | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const load = useLoad(() => waihu<PageData<NumberEntry>>('ListDoNotCallNumbers', paging), JSON.stringify(paging));

  async function importNumbers(source: string, parsed: NumberFile) {
    setBusy('import');
    setReport(null);
    setNotice('');
    setError(null);
    const total = parsed.numbers.length;
    const result = await addAll(parsed.numbers, (sent) => setProgress(t('numbers.dnc.progress', { sent, total })));
    setProgress('');
    setReport({ source, parsed, ...result });
    setBusy(null);
    setPaging((p) => ({ ...p, PageNo: 1 }));
    load.reload();
  }

  function addTyped(e: FormEvent) {
    e.preventDefault();
    const parsed = parseNumberFile(typed, false);
    if (parsed.numbers.length === 0 && parsed.bad.length === 0) {
      setTypedProblem(t('numbers.dnc.typedRequired'));
      return;
    }
    setTypedProblem(undefined);
    void importNumbers(t('numbers.dnc.typedSource'), parsed).then(() => { if (parsed.bad.length === 0) setTyped(''); });
  }

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return setFileProblem(t('numbers.dnc.fileRequired'));
    if (file.size > MAX_FILE_BYTES) return setFileProblem(t('numbers.dnc.fileTooLarge', { mib: MAX_FILE_BYTES / 1048576 }));
    setFileProblem(undefined);
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      setError(err);
      return;
    }
    const parsed = parseNumberFile(text);
    await importNumbers(file.name, parsed);
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  async function remove(number: string) {
    setBusy(number);
    setError(null);
    setNotice('');
    try {
      await waihu('RemoveDoNotCallNumbers', { PhoneNumbers: [number] });
      setNotice(t('numbers.removed', { number }));
      load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const columns = numberColumns({ t, dateTime }, busy, setRemoving);

  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="dnc-title">
      <h2 id="dnc-title">{t('numbers.dnc.title')}</h2>
      <p className="muted">{t('numbers.dnc.intro')}</p>
      <form className="filters" onSubmit={addTyped} aria-label={t('numbers.dnc.add')} noValidate>
        <Field label={t('numbers.dnc.typed')} hint={t('numbers.dnc.typedHint')} error={typedProblem}>
          {(ids) => <textarea {...ids} rows={3} style={TEXTAREA} value={typed} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <div className="filters-actions">
          <Button type="submit" variant="primary" busy={busy === 'import' && !file} disabled={busy !== null}>{t('numbers.dnc.add')}</Button>
        </div>
      </form>
      <form className="filters" onSubmit={(e) => void upload(e)} aria-label={t('numbers.dnc.upload')} noValidate>
        <Field label={t('numbers.dnc.file')} hint={t('numbers.dnc.fileHint', { mib: MAX_FILE_BYTES / 1048576 })} error={fileProblem}>
          {(ids) => <input {...ids} ref={fileInput} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <div className="filters-actions">
          <Button type="submit" variant="primary" busy={busy === 'import' && file !== null} disabled={busy !== null}>{t('numbers.dnc.upload')}</Button>
        </div>
      </form>
      <p role="status" className="notice-inline">{progress || notice}</p>
      {report && <Report report={report} />}
      {error !== null && <ErrorBox error={error} title={t('numbers.actionFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {data && (
        <div aria-busy={load.state === 'loading'}>
          <Table caption={t('numbers.dnc.title')} columns={columns} rows={data.List} rowKey={(r) => r.PhoneNumber} empty={t('numbers.dnc.empty')} />
          <Pager label={t('numbers.dnc.pager')} pageNo={paging.PageNo} pageSize={paging.PageSize} total={data.Total} onChange={(PageNo, PageSize) => setPaging({ PageNo, PageSize })} />
        </div>
      )}
      {removing && (
        <Dialog
          title={t('numbers.dnc.confirmRemove')}
          onClose={() => setRemoving(null)}
          footer={
            <>
              <Button onClick={() => setRemoving(null)} data-autofocus>{t('common.cancel')}</Button>
              <Button variant="danger" onClick={() => { const n = removing.PhoneNumber; setRemoving(null); void remove(n); }}>{t('numbers.remove')}</Button>
            </>
          }
        >
          <p>{t('numbers.dnc.confirmRemoveBody', { number: removing.PhoneNumber })}</p>
        </Dialog>
      )}
    </section>
  );
}
