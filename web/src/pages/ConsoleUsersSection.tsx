/**
 * Console users of the account, below the API keys: ListConsoleUsers, CreateConsoleUser (name, password typed twice),
 * DisableConsoleUser / EnableConsoleUser and DeleteConsoleUser (after a confirmation). The server refuses acting on
 * the signed-in user; the buttons are simply not offered on that row.
 */
import { useState, type FormEvent } from 'react';
import { callAction, currentSession } from '../api';
import { useI18n } from '../i18n';
import { useLoad } from '../use-load';
import { Button, ConfirmDialog, ErrorBox, Field, Spinner, Table, type Column } from '../ui';

/** A user as ListConsoleUsers shows it. */
interface ConsoleUser {
  Id: string;
  Name: string;
  CreateTime: number;
  Disabled: boolean;
  LastSignInTime?: number;
}

// Mirrors the server's rules only to answer early; the server still decides.
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const MIN_PASSWORD = 8;

function CreateUserForm({ onCreated }: { onCreated(name: string): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const nameError = checked && !NAME_PATTERN.test(name.trim()) ? t('users.nameInvalid') : undefined;
  const passwordError = checked && password.length < MIN_PASSWORD ? t('users.passwordTooShort') : undefined;
  const confirmError = checked && confirm !== password ? t('users.passwordMismatch') : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setChecked(true);
    if (!NAME_PATTERN.test(name.trim()) || password.length < MIN_PASSWORD || confirm !== password) return;
    setBusy(true);
    setError(null);
    try {
      await callAction('waihu', 'CreateConsoleUser', { Name: name.trim(), Password: password });
      onCreated(name.trim());
      setName('');
      setPassword('');
      setConfirm('');
      setChecked(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="filters" onSubmit={submit} aria-label={t('users.create')} noValidate>
      <Field label={t('users.name')} hint={t('users.nameHint')} error={nameError}>
        {(ids) => <input {...ids} name="console-user-name" autoComplete="off" maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label={t('users.password')} hint={t('users.passwordHint')} error={passwordError}>
        {(ids) => <input {...ids} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Field label={t('users.confirmPassword')} error={confirmError}>
        {(ids) => <input {...ids} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
      </Field>
      <div className="filters-actions">
        <Button type="submit" variant="primary" busy={busy}>{t('users.create')}</Button>
      </div>
      {error !== null && <ErrorBox error={error} title={t('users.createFailed')} />}
    </form>
  );
}

export default function ConsoleUsersSection() {
  const { t, dateTime } = useI18n();
  const load = useLoad(async () => {
    const [res, session] = await Promise.all([callAction('waihu', 'ListConsoleUsers', {}), currentSession()]);
    return { users: ((res.Data as { Users?: ConsoleUser[] } | undefined)?.Users ?? []), me: session?.user.id };
  }, 'console-users');
  const [deleting, setDeleting] = useState<ConsoleUser | null>(null);
  const [busyUser, setBusyUser] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function act(user: ConsoleUser, run: () => Promise<unknown>) {
    setBusyUser(user.Id);
    setError(null);
    setNotice('');
    try {
      await run();
      load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusyUser(null);
    }
  }

  const toggle = (u: ConsoleUser) => act(u, () => callAction('waihu', u.Disabled ? 'EnableConsoleUser' : 'DisableConsoleUser', { UserId: u.Id }));
  const me = load.data?.me;

  const columns: Column<ConsoleUser>[] = [
    { key: 'name', header: t('users.name'), render: (u) => <>{u.Name}{u.Id === me && <span className="muted"> {t('users.you')}</span>}</> },
    { key: 'status', header: t('users.status'), render: (u) => <span className={`badge badge-${u.Disabled ? 'stopped' : 'running'}`}>{u.Disabled ? t('users.disabled') : t('users.enabled')}</span> },
    { key: 'created', header: t('users.createdAt'), render: (u) => dateTime(u.CreateTime) },
    { key: 'lastSignIn', header: t('users.lastSignIn'), render: (u) => (u.LastSignInTime === undefined ? t('users.never') : dateTime(u.LastSignInTime)) },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (u) => u.Id === me ? null : (
        <span className="row-actions">
          <Button busy={busyUser === u.Id} onClick={() => toggle(u)} aria-label={t(u.Disabled ? 'users.enableNamed' : 'users.disableNamed', { name: u.Name })}>
            {u.Disabled ? t('users.enable') : t('users.disable')}
          </Button>
          <Button variant="danger" disabled={busyUser !== null} onClick={() => setDeleting(u)} aria-label={t('users.deleteNamed', { name: u.Name })}>
            {t('users.delete')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="console-users-title">
      <h2 id="console-users-title">{t('users.title')}</h2>
      <p className="muted">{t('users.intro')}</p>
      <CreateUserForm onCreated={(name) => { setNotice(t('users.created', { name })); load.reload(); }} />
      <p role="status" className="notice-inline">{notice}</p>
      {error !== null && <ErrorBox error={error} title={t('users.actionFailed')} />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !load.data && <Spinner />}
      {load.data && <Table caption={t('users.title')} columns={columns} rows={load.data.users} rowKey={(u) => u.Id} empty={t('users.empty')} />}
      {deleting && (
        <ConfirmDialog
          title={t('users.confirmDelete.title')}
          confirmLabel={t('users.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            const user = deleting;
            void act(user, () => callAction('waihu', 'DeleteConsoleUser', { UserId: user.Id }));
          }}
        >
          <p>{t('users.confirmDelete.body', { name: deleting.Name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
