/**
 * An LLM application: its prompt, start word, description and voice, saved through waihu UpdateLlmApplication. The
 * variables are the `${name}` placeholders of the prompt and the start word, as the server derives them
 * (PromptParam, StartWordParam); the test call asks for their values. Applications carry no output tags: those are
 * set on an AI voice agent (its ModelConfig's OutputTagConfig).
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Field, Spinner } from '../../ui';
import { call, MAX_NAME, type Application } from './agents-api';
import { TestCallPanel } from './TestCallPanel';

const TEXTAREA = { font: 'inherit', padding: '.4rem .5rem', border: '1px solid #8c959f', borderRadius: '6px', width: '100%', boxSizing: 'border-box' as const };
const LIMITS = { prompt: 20_000, startWord: 1000, description: 512 };

function Form({ app, onSaved }: { app: Application; onSaved(app: Application): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState({
    Name: app.Name, Description: app.Description, Prompt: app.Prompt, StartWord: app.StartWord,
    TtsVoiceCode: app.TtsVoiceCode, TtsSpeed: String(app.TtsSpeed), TtsVolume: String(app.TtsVolume),
  });
  const [problems, setProblems] = useState<Partial<Record<'Name' | 'Prompt' | 'StartWord' | 'TtsSpeed' | 'TtsVolume', string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const speed = Number(draft.TtsSpeed);
    const volume = Number(draft.TtsVolume);
    const found = {
      ...(draft.Name.trim() === '' ? { Name: t('agents.required') } : {}),
      ...(draft.Prompt.trim() === '' ? { Prompt: t('agents.required') } : {}),
      ...(draft.StartWord.trim() === '' ? { StartWord: t('agents.required') } : {}),
      ...(!Number.isInteger(speed) || speed < -200 || speed > 200 ? { TtsSpeed: t('agents.app.speedRange') } : {}),
      ...(!Number.isInteger(volume) || volume < 0 || volume > 100 ? { TtsVolume: t('agents.app.volumeRange') } : {}),
    };
    setProblems(found);
    setSaved(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call<Application>('waihu', 'UpdateLlmApplication', {
        ApplicationCode: app.ApplicationCode, Name: draft.Name.trim(), Description: draft.Description, Prompt: draft.Prompt,
        StartWord: draft.StartWord, TtsVoiceCode: draft.TtsVoiceCode.trim(), TtsSpeed: speed, TtsVolume: volume,
      });
      setSaved(true);
      onSaved(res.Data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  return (
    <form className="card" onSubmit={submit} aria-labelledby="app-form-title" noValidate>
      <h2 id="app-form-title">{t('agents.app.settings')}</h2>
      <Field label={t('agents.name')} error={problems.Name}>
        {(ids) => <input {...ids} maxLength={MAX_NAME} value={draft.Name} onChange={set('Name')} />}
      </Field>
      <Field label={t('agents.app.description')}>
        {(ids) => <input {...ids} maxLength={LIMITS.description} value={draft.Description} onChange={set('Description')} />}
      </Field>
      <Field label={t('agents.app.prompt')} hint={t('agents.app.placeholderHint')} error={problems.Prompt}>
        {(ids) => <textarea {...ids} rows={8} maxLength={LIMITS.prompt} style={TEXTAREA} value={draft.Prompt} onChange={set('Prompt')} />}
      </Field>
      <Field label={t('agents.app.startWord')} hint={t('agents.app.placeholderHint')} error={problems.StartWord}>
        {(ids) => <textarea {...ids} rows={2} maxLength={LIMITS.startWord} style={TEXTAREA} value={draft.StartWord} onChange={set('StartWord')} />}
      </Field>
      <div className="filters">
        <Field label={t('agents.app.voice')}>
          {(ids) => <input {...ids} maxLength={64} value={draft.TtsVoiceCode} onChange={set('TtsVoiceCode')} />}
        </Field>
        <Field label={t('agents.app.speed')} error={problems.TtsSpeed}>
          {(ids) => <input {...ids} type="number" min={-200} max={200} value={draft.TtsSpeed} onChange={set('TtsSpeed')} />}
        </Field>
        <Field label={t('agents.app.volume')} error={problems.TtsVolume}>
          {(ids) => <input {...ids} type="number" min={0} max={100} value={draft.TtsVolume} onChange={set('TtsVolume')} />}
        </Field>
      </div>
      <p className="muted">{t('agents.app.noTags')}</p>
      <div className="toolbar">
        <Button type="submit" variant="primary" busy={busy}>{t('agents.save')}</Button>
        <span role="status" className="notice-inline">{saved ? t('agents.saved') : ''}</span>
      </div>
      {error !== null && <ErrorBox error={error} title={t('agents.saveFailed')} />}
    </form>
  );
}

export function ApplicationPage({ code }: { code: string }) {
  const { t } = useI18n();
  const load = useLoad(() => call<Application>('waihu', 'GetLlmApplication', { ApplicationCode: code }), `app:${code}`);
  const [latest, setLatest] = useState<Application | null>(null);
  const app = latest ?? load.data?.Data;
  const variables = app ? [...new Set([...app.StartWordParam, ...app.PromptParam])] : [];
  return (
    <section aria-labelledby="page-title">
      <p className="crumbs"><a href={href('/agents')}>{t('agents.title')}</a></p>
      <h1 id="page-title">{app ? t('agents.app.titleNamed', { name: app.Name }) : t('agents.app.title')}</h1>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !app && <Spinner />}
      {app && (
        <>
          <dl className="kv">
            <div><dt>ApplicationCode</dt><dd><code>{app.ApplicationCode}</code></dd></div>
            <div><dt>{t('agents.app.variables')}</dt><dd>{variables.length === 0 ? t('agents.app.noVariables') : variables.map((v) => <code key={v} style={{ marginRight: '.5rem' }}>{v}</code>)}</dd></div>
          </dl>
          <Form key={app.ApplicationCode} app={app} onSaved={setLatest} />
          <TestCallPanel target={{ ApplicationCode: app.ApplicationCode }} variableNames={variables} />
        </>
      )}
    </section>
  );
}
