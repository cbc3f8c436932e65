/**
 * API keys through waihu's own actions: ListAccessKeys, CreateAccessKey (the secret is shown once, here),
 * UpdateAccessKey (enable/disable) and DeleteAccessKey (after a confirmation).
 */
import { useState, type FormEvent } from 'react';
import type { AccessKeySummary, NewAccessKey } from '../actions';
import { callAction } from '../api';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { Button, ConfirmDialog, Dialog, ErrorBox, Field, Spinner, Table, type Column } from '../ui';
import ConsoleUsersSection from './ConsoleUsersSection';

function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <div className="toolbar">
      <Button onClick={copy}>{t('keys.copy')}</Button>
      <span role="status" className="notice-inline">{state === 'copied' ? t('keys.copied') : state === 'failed' ? t('keys.copyFailed') : ''}</span>
    </div>
  );
}

function SecretDialog({ created, onClose }: { created: NewAccessKey; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Dialog title={t('keys.created.title')} onClose={onClose} dismissable={false} footer={<Button variant="primary" onClick={onClose}>{t('keys.created.done')}</Button>}>
      <p className="warning" role="alert">{t('keys.created.warning')}</p>
      <dl className="kv">
        <div><dt>AccessKeyId</dt><dd><code>{created.AccessKeyId}</code></dd></div>
      </dl>
      <Field label="AccessKeySecret">
        {(ids) => <input {...ids} readOnly value={created.AccessKeySecret} className="mono" data-autofocus onFocus={(e) => e.target.select()} />}
      </Field>
      <CopyButton text={created.AccessKeySecret} />
    </Dialog>
  );
}

function CreateForm({ onCreated }: { onCreated(key: NewAccessKey): void }) {
  const { t } = useI18n();
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await callAction('waihu', 'CreateAccessKey', description.trim() ? { Description: description.trim() } : {});
      setDescription('');
      onCreated(res.Data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="filters" onSubmit={submit} aria-label={t('keys.create')}>
      <Field label={t('keys.description')} hint={t('keys.descriptionHint')}>
        {(ids) => <input {...ids} maxLength={256} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="filters-actions">
        <Button type="submit" variant="primary" busy={busy}>{t('keys.create')}</Button>
      </div>
      {error !== null && <ErrorBox error={error} title={t('keys.createFailed')} />}
    </form>
  );
}

export default function ApiKeysPage() {
  const { t, dateTime } = useI18n();
  const load = useLoad(() => callAction('waihu', 'ListAccessKeys', {}), 'keys');
  const [created, setCreated] = useState<NewAccessKey | null>(null);
  const [deleting, setDeleting] = useState<AccessKeySummary | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function act(key: AccessKeySummary, run: () => Promise<unknown>) {
    setBusyKey(key.AccessKeyId);
    setError(null);
    try {
      await run();
      load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusyKey(null);
    }
  }

  const toggle = (k: AccessKeySummary) =>
    act(k, () => callAction('waihu', 'UpdateAccessKey', { UserAccessKeyId: k.AccessKeyId, Status: k.Status === 'Active' ? 'Inactive' : 'Active' }));

  const columns: Column<AccessKeySummary>[] = [
    { key: 'id', header: 'AccessKeyId', render: (k) => <code>{k.AccessKeyId}</code> },
    { key: 'description', header: t('keys.description'), render: (k) => k.Description },
    { key: 'status', header: t('keys.status'), render: (k) => <span className={`badge badge-${k.Status === 'Active' ? 'running' : 'stopped'}`}>{tStatus(k.Status)}</span> },
    { key: 'created', header: t('keys.createdAt'), render: (k) => dateTime(k.CreateTime) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (k) => (
        <span className="row-actions">
          <Button busy={busyKey === k.AccessKeyId} onClick={() => toggle(k)} aria-label={t(k.Status === 'Active' ? 'keys.disableNamed' : 'keys.enableNamed', { id: k.AccessKeyId })}>
            {k.Status === 'Active' ? t('keys.disable') : t('keys.enable')}
          </Button>
          <Button variant="danger" disabled={busyKey !== null} onClick={() => setDeleting(k)} aria-label={t('keys.deleteNamed', { id: k.AccessKeyId })}>
            {t('keys.delete')}
          </Button>
        </span>
      ),
    },
  ];

  function tStatus(status: string): string {
    return status === 'Active' ? t('keys.active') : t('keys.inactive');
  }

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('keys.title')}</h1>
      <p className="muted">{t('keys.intro')}</p>
      <CreateForm onCreated={(key) => { setCreated(key); load.reload(); }} />
      {error !== null && <ErrorBox error={error} title={t('keys.actionFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {load.data && (
        <Table caption={t('keys.title')} columns={columns} rows={load.data.Data.AccessKeys} rowKey={(k) => k.AccessKeyId} empty={t('keys.empty')} />
      )}
      <ConsoleUsersSection />
      {created && <SecretDialog created={created} onClose={() => setCreated(null)} />}
      {deleting && (
        <ConfirmDialog
          title={t('keys.confirmDelete.title')}
          confirmLabel={t('keys.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            const key = deleting;
            void act(key, () => callAction('waihu', 'DeleteAccessKey', { UserAccessKeyId: key.AccessKeyId }));
          }}
        >
          <p>{t('keys.confirmDelete.body', { id: deleting.AccessKeyId })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
