/**
 * Voice files: waihu ListVoiceFiles (name filter, paging), UploadVoiceFile (a picked WAV or MP3 sent as base64) and
 * DeleteVoiceFile after a confirmation. No action returns a stored file's audio, so there is no play button.
 */
import { useRef, useState, type FormEvent } from 'react';
import { duration } from '../../format';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, Dialog, ErrorBox, Field, Pager, Spinner, Table, type Column } from '../../ui';
import { fileToBase64 } from './audio';
import { call, MAX_NAME, MAX_VOICE_FILE_BYTES, type PageData, type VoiceFile } from './voice-api';

function UploadForm({ onUploaded }: { onUploaded(code: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [publicMode, setPublicMode] = useState(false);
  const [problems, setProblems] = useState<{ file?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      ...(!file ? { file: t('voice.file.fileRequired') } : file.size > MAX_VOICE_FILE_BYTES ? { file: t('voice.file.tooLarge', { mib: MAX_VOICE_FILE_BYTES / 1048576 }) } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0 || !file) return;
    setBusy(true);
    setError(null);
    try {
      const Content = await fileToBase64(file);
      const res = await call<string>('waihu', 'UploadVoiceFile', {
        Name: (name.trim() || file.name.replace(/\.[^.]+$/, '')).slice(0, MAX_NAME), FileName: file.name, Content, PublicMode: publicMode,
      });
      setName('');
      setFile(null);
      if (input.current) input.current.value = '';
      onUploaded(res.Data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="filters" onSubmit={submit} aria-label={t('voice.file.upload')} noValidate>
      <Field label={t('voice.file.name')} hint={t('voice.file.nameHint')}>
        {(ids) => <input {...ids} maxLength={MAX_NAME} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('voice.file.file')} hint={t('voice.file.fileHint', { mib: MAX_VOICE_FILE_BYTES / 1048576 })} error={problems.file}>
        {(ids) => <input {...ids} ref={input} type="file" accept=".wav,.mp3,audio/wav,audio/x-wav,audio/mpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      <label style={{ display: 'inline-flex', gap: '.4rem', alignItems: 'center', minHeight: '2.2rem' }}>
        <input type="checkbox" checked={publicMode} onChange={(e) => setPublicMode(e.target.checked)} /> {t('voice.publicMode')}
      </label>
      <div className="filters-actions">
        <Button type="submit" variant="primary" busy={busy}>{t('voice.file.upload')}</Button>
      </div>
      {error !== null && <ErrorBox error={error} title={t('voice.file.uploadFailed')} />}
    </form>
  );
}

export function VoiceFilesSection() {
  const { t, dateTime, number } = useI18n();
  const [query, setQuery] = useState({ Name: '', PageNo: 1, PageSize: 10 });
  const [nameDraft, setNameDraft] = useState('');
  const [deleting, setDeleting] = useState<VoiceFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const load = useLoad(
    () => call<PageData<VoiceFile>>('waihu', 'ListVoiceFiles', { ...query, Name: query.Name.trim() || undefined }),
    JSON.stringify(query),
  );

  async function remove(file: VoiceFile) {
    setBusy(file.VoiceCode);
    setError(null);
    setNotice('');
    try {
      await call('waihu', 'DeleteVoiceFile', { VoiceCode: file.VoiceCode });
      setNotice(t('voice.deleted', { name: file.Name }));
      load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const columns: Column<VoiceFile>[] = [
    { key: 'name', header: t('voice.file.name'), render: (r) => r.Name },
    { key: 'code', header: 'VoiceCode', render: (r) => <code>{r.VoiceCode}</code> },
    { key: 'fileName', header: t('voice.file.fileName'), render: (r) => r.FileName },
    { key: 'format', header: t('voice.file.format'), render: (r) => r.SourceFormat },
    { key: 'duration', header: t('voice.file.duration'), align: 'num', render: (r) => duration(r.DurationMs / 1000) },
    { key: 'size', header: t('voice.file.size'), align: 'num', render: (r) => t('voice.file.kib', { n: number(Math.ceil(r.Size / 1024)) }) },
    { key: 'public', header: t('voice.publicMode'), render: (r) => (r.PublicMode ? t('common.yes') : t('common.no')) },
    { key: 'created', header: t('voice.createdAt'), render: (r) => dateTime(r.CreateTime) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => (
        <Button variant="danger" busy={busy === r.VoiceCode} disabled={busy !== null} onClick={() => setDeleting(r)} aria-label={t('voice.deleteNamed', { name: r.Name })}>
          {t('voice.delete')}
        </Button>
      ),
    },
  ];

  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">{t('voice.file.title')}</h2>
      <p className="muted">{t('voice.file.intro')}</p>
      <UploadForm onUploaded={(code) => { setNotice(t('voice.file.uploaded', { code })); setQuery({ ...query, PageNo: 1 }); load.reload(); }} />
      <form className="filters" role="search" aria-label={t('voice.file.filters')} onSubmit={(e) => { e.preventDefault(); setQuery({ ...query, Name: nameDraft, PageNo: 1 }); }}>
        <Field label={t('voice.file.filterName')}>
          {(ids) => <input {...ids} type="search" value={nameDraft} onChange={(e) => setNameDraft(e.target.value)} />}
        </Field>
        <div className="filters-actions"><Button type="submit">{t('common.search')}</Button></div>
      </form>
      <p role="status" className="notice-inline">{notice}</p>
      {error !== null && <ErrorBox error={error} title={t('voice.actionFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {data && (
        <div aria-busy={load.state === 'loading'}>
          <Table caption={t('voice.file.title')} columns={columns} rows={data.List} rowKey={(r) => r.VoiceCode}
            empty={query.Name ? t('voice.file.emptyFiltered') : t('voice.file.empty')} />
          <Pager label={t('voice.file.pager')} pageNo={query.PageNo} pageSize={query.PageSize} total={data.Total}
            onChange={(PageNo, PageSize) => setQuery({ ...query, PageNo, PageSize })} />
        </div>
      )}
      {deleting && (
        <Dialog
          title={t('voice.file.confirmDelete')}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <Button onClick={() => setDeleting(null)} data-autofocus>{t('common.cancel')}</Button>
              <Button variant="danger" onClick={() => { const f = deleting; setDeleting(null); void remove(f); }}>{t('voice.delete')}</Button>
            </>
          }
        >
          <p>{t('voice.file.confirmDeleteBody', { name: deleting.Name, code: deleting.VoiceCode })}</p>
        </Dialog>
      )}
    </section>
  );
}
