/**
 * Where each message type goes: waihu GetReceiptConfig, and SetReceiptConfig per type with a push URL, `pull:`, or
 * nothing (unsubscribed). The SmartCall callback URL is kept by the same actions and shown last (push only).
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Spinner } from '../../ui';
import { CALLBACK_TYPES, MAX_URL, MESSAGE_TYPES, PULL_URL, waihu, type ReceiptSetting } from './receipts-api';

type Mode = 'off' | 'push' | 'pull';

function modeOf(url: string | undefined): Mode {
  if (!url) return 'off';
  return url === PULL_URL ? 'pull' : 'push';
}

/** The URL a push setting must have: absolute http(s) with a host (checkedReceiptUrl says the same on the server). */
function urlProblem(url: string): 'required' | 'invalid' | undefined {
  if (url.trim() === '') return 'required';
  try {
    const u = new URL(url.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' ? undefined : 'invalid';
  } catch {
    return 'invalid';
  }
}

function SettingRow({ type, setting, pullAllowed, onSaved }: { type: string; setting: ReceiptSetting | undefined; pullAllowed: boolean; onSaved(): void }) {
  const { t, tCode, dateTime } = useI18n();
  const [mode, setMode] = useState<Mode>(modeOf(setting?.Url));
  const [url, setUrl] = useState(setting && setting.Url !== PULL_URL ? setting.Url : '');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');

  // A reload brings the stored value back in.
  useEffect(() => {
    setMode(modeOf(setting?.Url));
    setUrl(setting && setting.Url !== PULL_URL ? setting.Url : '');
  }, [setting?.Url]);

  const changed = mode !== modeOf(setting?.Url) || (mode === 'push' && url.trim() !== (setting?.Url ?? ''));

  async function save() {
    const bad = mode === 'push' ? urlProblem(url) : undefined;
    setProblem(bad === 'required' ? t('receipts.cfg.urlRequired') : bad === 'invalid' ? t('receipts.cfg.urlInvalid') : undefined);
    if (bad) return;
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      await waihu('SetReceiptConfig', { MessageType: type, Url: mode === 'off' ? '' : mode === 'pull' ? PULL_URL : url.trim() });
      setSaved(t('receipts.cfg.saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const inputId = `receipt-url-${type}`;
  const errorId = `${inputId}-error`;
  return (
    <tr>
      <th scope="row" style={{ color: 'var(--fg)', background: 'none', fontSize: '.95rem' }}>
        <code>{type}</code>
        <div className="muted" style={{ fontWeight: 400, whiteSpace: 'normal', maxWidth: '18rem' }}>{tCode('receipts.type', type)}</div>
      </th>
      <td>
        <select aria-label={t('receipts.cfg.modeFor', { type })} value={mode} onChange={(e) => setMode(e.target.value as Mode)}
          style={{ font: 'inherit', padding: '.35rem .4rem', borderRadius: '6px', border: '1px solid #8c959f' }}>
          <option value="off">{t('receipts.cfg.mode.off')}</option>
          <option value="push">{t('receipts.cfg.mode.push')}</option>
          {pullAllowed && <option value="pull">{t('receipts.cfg.mode.pull')}</option>}
        </select>
      </td>
      <td style={{ whiteSpace: 'normal' }}>
        {mode === 'push' ? (
          <>
            <input id={inputId} type="url" aria-label={t('receipts.cfg.urlFor', { type })} placeholder="https://example.com/receipts" maxLength={MAX_URL}
              value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? errorId : undefined}
              onKeyDown={(e) => { if (e.key === 'Enter') void save(); }}
              style={{ font: 'inherit', padding: '.35rem .5rem', borderRadius: '6px', border: `1px solid ${problem ? 'var(--danger)' : '#8c959f'}`, width: 'min(26rem, 70vw)' }} />
            {problem && <div id={errorId} className="field-error">{problem}</div>}
          </>
        ) : (
          <span className="muted">{mode === 'pull' ? t('receipts.cfg.pullNote') : t('receipts.cfg.offNote')}</span>
        )}
        {error !== null && <ErrorBox error={error} title={t('receipts.cfg.saveFailed')} />}
      </td>
      <td>{setting ? dateTime(setting.UpdateTime) : ''}</td>
      <td>
        <span className="row-actions">
          <Button variant={changed ? 'primary' : 'secondary'} busy={busy} disabled={!changed} onClick={() => void save()} aria-label={t('receipts.cfg.saveFor', { type })}>
            {t('receipts.cfg.save')}
          </Button>
          <span role="status" className="notice-inline">{saved}</span>
        </span>
      </td>
    </tr>
  );
}

export function ReceiptSettingsSection() {
  const { t } = useI18n();
  const load = useLoad(() => waihu<{ List: ReceiptSetting[] }>('GetReceiptConfig'), 'receipt-config');
  const byType = new Map((load.data?.Data.List ?? []).map((s) => [s.MessageType, s]));
  return (
    <section className="card" aria-labelledby="cfg-title">
      <h2 id="cfg-title">{t('receipts.cfg.title')}</h2>
      <p className="muted">{t('receipts.cfg.intro')}</p>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !load.data && <Spinner />}
      {load.data && (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('receipts.cfg.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('receipts.cfg.type')}</th>
                <th scope="col">{t('receipts.cfg.mode')}</th>
                <th scope="col">{t('receipts.cfg.url')}</th>
                <th scope="col">{t('receipts.cfg.updated')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {MESSAGE_TYPES.map((type) => <SettingRow key={type} type={type} setting={byType.get(type)} pullAllowed onSaved={load.reload} />)}
              {CALLBACK_TYPES.map((type) => <SettingRow key={type} type={type} setting={byType.get(type)} pullAllowed={false} onSaved={load.reload} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
