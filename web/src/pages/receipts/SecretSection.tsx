/**
 * The secret pushes are signed with: waihu GetReceiptSecret shown masked, with reveal and copy, and
 * ResetReceiptSecret after a confirmation (receivers must switch to the new secret).
 */
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, Dialog, ErrorBox, Spinner } from '../../ui';
import { waihu, type ReceiptSecret } from './receipts-api';

/** Dots in place of all but the last four characters, so people can tell secrets apart without seeing them. */
function masked(secret: string): string {
  return `${'•'.repeat(Math.max(8, secret.length - 4))}${secret.slice(-4)}`;
}

export function SecretSection() {
  const { t } = useI18n();
  const load = useLoad(() => waihu<ReceiptSecret>('GetReceiptSecret'), 'receipt-secret');
  const [revealed, setRevealed] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function copy(secret: string) {
    try {
      await navigator.clipboard.writeText(secret);
      setNotice(t('receipts.secret.copied'));
    } catch {
      setNotice(t('receipts.secret.copyFailed'));
    }
  }

  async function reset() {
    setConfirming(false);
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await waihu<ReceiptSecret>('ResetReceiptSecret');
      setRevealed(false);
      setNotice(t('receipts.secret.resetDone'));
      load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const secret = load.data?.Data;
  return (
    <section className="card" aria-labelledby="secret-title">
      <h2 id="secret-title">{t('receipts.secret.title')}</h2>
      <p className="muted">{t('receipts.secret.intro')}</p>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !secret && <Spinner />}
      {secret && (
        <>
          <dl className="kv" style={{ marginBottom: '.75rem' }}>
            <div>
              <dt>{t('receipts.secret.secret')}</dt>
              <dd><code data-testid="receipt-secret">{revealed ? secret.Secret : masked(secret.Secret)}</code></dd>
            </div>
            <div><dt>{t('receipts.secret.algorithm')}</dt><dd>{secret.Algorithm}</dd></div>
          </dl>
          <div className="toolbar">
            <Button onClick={() => setRevealed((r) => !r)} aria-pressed={revealed}>{revealed ? t('receipts.secret.hide') : t('receipts.secret.reveal')}</Button>
            <Button onClick={() => void copy(secret.Secret)}>{t('receipts.secret.copy')}</Button>
            <Button variant="danger" busy={busy} onClick={() => setConfirming(true)}>{t('receipts.secret.reset')}</Button>
            <span role="status" className="notice-inline">{notice}</span>
          </div>
        </>
      )}
      {error !== null && <ErrorBox error={error} title={t('receipts.secret.resetFailed')} />}
      {confirming && (
        <Dialog
          title={t('receipts.secret.confirmTitle')}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <Button onClick={() => setConfirming(false)} data-autofocus>{t('common.cancel')}</Button>
              <Button variant="danger" onClick={() => void reset()}>{t('receipts.secret.reset')}</Button>
            </>
          }
        >
          <p>{t('receipts.secret.confirmBody')}</p>
        </Dialog>
      )}
    </section>
  );
}
