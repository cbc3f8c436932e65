/**
 * TTS templates: waihu ListTtsTemplates (name filter, paging), CreateTtsTemplate, DeleteTtsTemplate after a
 * confirmation, and a preview that plays the template's text through waihu PreviewTts in the chosen voice.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, Dialog, ErrorBox, Field, Pager, Spinner, Table, type Column } from '../../ui';
import { wavUrl } from './audio';
import { call, MAX_CONTENT, MAX_NAME, type AvailableVoice, type PageData, type TtsPreview, type TtsTemplate } from './voice-api';

/** The kit styles inputs and selects only; a textarea is given the same look here. */
const TEXTAREA = { font: 'inherit', padding: '.4rem .5rem', border: '1px solid #8c959f', borderRadius: '6px', minWidth: 'min(28rem, 80vw)' };
const EMPTY = { Name: '', Content: '', Type: 'NOTIFY' as 'NOTIFY' | 'CODE', PublicMode: false };

function CreateForm({ onCreated }: { onCreated(code: string): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<{ Name?: string; Content?: string }>({});

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = {
      ...(draft.Name.trim() === '' ? { Name: t('voice.tpl.nameRequired') } : {}),
      ...(draft.Content.trim() === '' ? { Content: t('voice.tpl.contentRequired') } : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call<string>('waihu', 'CreateTtsTemplate', { ...draft, Name: draft.Name.trim() });
      setDraft(EMPTY);
      onCreated(res.Data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="filters" onSubmit={submit} aria-label={t('voice.tpl.create')} noValidate>
      <Field label={t('voice.tpl.name')} error={problems.Name}>
        {(ids) => <input {...ids} maxLength={MAX_NAME} value={draft.Name} onChange={(e) => setDraft({ ...draft, Name: e.target.value })} />}
      </Field>
      <Field label={t('voice.tpl.type')}>
        {(ids) => (
          <select {...ids} value={draft.Type} onChange={(e) => setDraft({ ...draft, Type: e.target.value as 'NOTIFY' | 'CODE' })}>
            <option value="NOTIFY">{t('voice.tpl.type.NOTIFY')}</option>
            <option value="CODE">{t('voice.tpl.type.CODE')}</option>
          </select>
        )}
      </Field>
      <Field
        label={t('voice.tpl.content')}
        hint={t('voice.tpl.contentHint', { n: [...draft.Content].length, max: MAX_CONTENT })}
        error={problems.Content}
      >
        {(ids) => (
          <textarea {...ids} rows={3} maxLength={MAX_CONTENT} value={draft.Content} style={TEXTAREA}
            onChange={(e) => setDraft({ ...draft, Content: e.target.value })} />
        )}
      </Field>
      <label style={{ display: 'inline-flex', gap: '.4rem', alignItems: 'center', minHeight: '2.2rem' }}>
        <input type="checkbox" checked={draft.PublicMode} onChange={(e) => setDraft({ ...draft, PublicMode: e.target.checked })} /> {t('voice.publicMode')}
      </label>
      <div className="filters-actions">
        <Button type="submit" variant="primary" busy={busy}>{t('voice.tpl.create')}</Button>
      </div>
      {error !== null && <ErrorBox error={error} title={t('voice.tpl.createFailed')} />}
    </form>
  );
}

/** The audio of the latest preview; the object URL is released when a new one replaces it or the page goes. */
function usePreviewAudio() {
  const [preview, setPreview] = useState<{ name: string; url: string; durationMs: number } | null>(null);
  const current = useRef<string | null>(null);
  useEffect(() => () => { if (current.current) URL.revokeObjectURL(current.current); }, []);
  function show(name: string, data: TtsPreview) {
    if (current.current) URL.revokeObjectURL(current.current);
    const url = wavUrl(data.Audio);
    current.current = url;
    setPreview({ name, url, durationMs: data.DurationMs });
  }
  return { preview, show };
}

export function TtsTemplatesSection({ voices }: { voices: AvailableVoice[] }) {
  const { t, dateTime } = useI18n();
  const [query, setQuery] = useState({ Name: '', PageNo: 1, PageSize: 10 });
  const [nameDraft, setNameDraft] = useState('');
  const [voice, setVoice] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<TtsTemplate | null>(null);
  const [notice, setNotice] = useState('');
  const { preview, show } = usePreviewAudio();
  const player = useRef<HTMLAudioElement>(null);

  const load = useLoad(
    () => call<PageData<TtsTemplate>>('waihu', 'ListTtsTemplates', { ...query, Name: query.Name.trim() || undefined }),
    JSON.stringify(query),
  );

  useEffect(() => {
    // Start playing the new preview; a browser that blocks autoplay still shows the player's own controls.
    if (preview) player.current?.play().catch(() => undefined);
  }, [preview]);

  async function run(key: string, work: () => Promise<void>) {
    setBusy(key);
    setError(null);
    setNotice('');
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const listen = (tpl: TtsTemplate) => run(`preview:${tpl.TtsCode}`, async () => {
    const res = await call<TtsPreview>('waihu', 'PreviewTts', { Text: tpl.Content, ...(voice ? { Voice: voice } : {}) });
    show(tpl.Name, res.Data);
  });

  const columns: Column<TtsTemplate>[] = [
    { key: 'name', header: t('voice.tpl.name'), render: (r) => r.Name },
    { key: 'code', header: 'TtsCode', render: (r) => <code>{r.TtsCode}</code> },
    { key: 'type', header: t('voice.tpl.type'), render: (r) => t(r.Type === 'CODE' ? 'voice.tpl.type.CODE' : 'voice.tpl.type.NOTIFY') },
    { key: 'content', header: t('voice.tpl.content'), render: (r) => <span style={{ whiteSpace: 'normal', display: 'block', minWidth: '14rem', maxWidth: '28rem' }}>{r.Content}</span> },
    { key: 'vars', header: t('voice.tpl.variables'), render: (r) => r.Variables.map((v) => <code key={v}>{`\${${v}} `}</code>) },
    { key: 'public', header: t('voice.publicMode'), render: (r) => (r.PublicMode ? t('common.yes') : t('common.no')) },
    { key: 'created', header: t('voice.createdAt'), render: (r) => dateTime(r.CreateTime) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (r) => (
        <span className="row-actions">
          <Button busy={busy === `preview:${r.TtsCode}`} disabled={busy !== null} onClick={() => void listen(r)} aria-label={t('voice.tpl.previewNamed', { name: r.Name })}>
            {t('voice.tpl.preview')}
          </Button>
          <Button variant="danger" disabled={busy !== null} onClick={() => setDeleting(r)} aria-label={t('voice.deleteNamed', { name: r.Name })}>
            {t('voice.delete')}
          </Button>
        </span>
      ),
    },
  ];

  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="tpl-title">
      <h2 id="tpl-title">{t('voice.tpl.title')}</h2>
      <p className="muted">{t('voice.tpl.intro')}</p>
      <CreateForm onCreated={(code) => { setNotice(t('voice.tpl.created', { code })); setQuery({ ...query, PageNo: 1 }); load.reload(); }} />
      <form className="filters" role="search" aria-label={t('voice.tpl.filters')} onSubmit={(e) => { e.preventDefault(); setQuery({ ...query, Name: nameDraft, PageNo: 1 }); }}>
        <Field label={t('voice.tpl.filterName')}>
          {(ids) => <input {...ids} type="search" value={nameDraft} onChange={(e) => setNameDraft(e.target.value)} />}
        </Field>
        <div className="filters-actions">
          <Button type="submit">{t('common.search')}</Button>
        </div>
        <Field label={t('voice.tpl.previewVoice')} hint={t('voice.tpl.previewHint')}>
          {(ids) => (
            <select {...ids} value={voice} onChange={(e) => setVoice(e.target.value)}>
              <option value="">{t('voice.defaultVoice')}</option>
              {voices.map((v) => <option key={v.TtsVoiceCode} value={v.TtsVoiceCode}>{v.TtsVoiceName ? `${v.TtsVoiceName} (${v.TtsVoiceCode})` : v.TtsVoiceCode}</option>)}
            </select>
          )}
        </Field>
      </form>
      <p role="status" className="notice-inline">{notice}</p>
      {preview && (
        <figure className="card" aria-label={t('voice.tpl.playerLabel', { name: preview.name })} style={{ margin: '0 0 1rem' }}>
          <figcaption>{t('voice.tpl.playing', { name: preview.name, seconds: (preview.durationMs / 1000).toFixed(1) })}</figcaption>
          <audio ref={player} controls src={preview.url} data-testid="tts-preview-audio" style={{ width: '100%', maxWidth: '32rem' }} />
        </figure>
      )}
      {error !== null && <ErrorBox error={error} title={t('voice.actionFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {data && (
        <div aria-busy={load.state === 'loading'}>
          <Table caption={t('voice.tpl.title')} columns={columns} rows={data.List} rowKey={(r) => r.TtsCode}
            empty={query.Name ? t('voice.tpl.emptyFiltered') : t('voice.tpl.empty')} />
          <Pager label={t('voice.tpl.pager')} pageNo={query.PageNo} pageSize={query.PageSize} total={data.Total}
            onChange={(PageNo, PageSize) => setQuery({ ...query, PageNo, PageSize })} />
        </div>
      )}
      {deleting && (
        <Dialog
          title={t('voice.tpl.confirmDelete')}
          onClose={() => setDeleting(null)}
          footer={
            <>
              <Button onClick={() => setDeleting(null)} data-autofocus>{t('common.cancel')}</Button>
              <Button variant="danger" onClick={() => {
                const tpl = deleting;
                setDeleting(null);
                void run(`delete:${tpl.TtsCode}`, async () => {
                  await call('waihu', 'DeleteTtsTemplate', { TtsCode: tpl.TtsCode });
                  setNotice(t('voice.deleted', { name: tpl.Name }));
                  load.reload();
                });
              }}>{t('voice.delete')}</Button>
            </>
          }
        >
          <p>{t('voice.tpl.confirmDeleteBody', { name: deleting.Name, code: deleting.TtsCode })}</p>
        </Dialog>
      )}
    </section>
  );
}
