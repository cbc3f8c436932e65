/** Sign-in: name and password; wrong credentials and the login throttle (429 + Retry-After) shown plainly. */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, signIn, type Session } from '../api';
import { useI18n } from '../i18n';
import { LanguageSwitch } from '../LanguageSwitch';
import { Button, ErrorBox, Field } from '../ui';

/** Seconds left of a throttle, counted down once a second. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= now) return;
    const timer = window.setTimeout(() => setNow(Date.now()), 1000);
    return () => window.clearTimeout(timer);
  }, [until, now]);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return [left, (seconds) => {
    setNow(Date.now());
    setUntil(Date.now() + seconds * 1000);
  }];
}

export default function SignInPage({ onSignedIn, expired }: { onSignedIn(session: Session): void; expired: boolean }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [throttled, startThrottle] = useCountdown();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || throttled > 0) return;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(name.trim(), password));
    } catch (err) {
      setError(err);
      setPassword('');
      if (err instanceof ApiError && err.status === 429) startThrottle(err.retryAfterSeconds ?? 60);
    } finally {
      setBusy(false);
    }
  }

  const api = error instanceof ApiError ? error : null;
  let message: string | null = null;
  if (api?.status === 401) message = t('signIn.bad');
  else if (api?.status === 429) {
    message = throttled > 0
      ? t('signIn.throttled', { minutes: Math.floor(throttled / 60), seconds: String(throttled % 60).padStart(2, '0') })
      : t('signIn.throttleOver');
  }

  return (
    <main className="signin">
      <div className="signin-lang"><LanguageSwitch /></div>
      <form className="signin-card" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.subtitle')}</p>
        {expired && !error && <p className="notice" role="status">{t('signIn.expired')}</p>}
        {message && <p className="error-box" role="alert">{message}</p>}
        {error !== null && !message && <ErrorBox error={error} />}
        <Field label={t('signIn.name')}>
          {(ids) => (
            <input {...ids} name="username" autoComplete="username" required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          )}
        </Field>
        <Field label={t('signIn.password')}>
          {(ids) => (
            <input
              {...ids}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" variant="primary" busy={busy} disabled={!name.trim() || !password || throttled > 0}>
          {t('signIn.submit')}
        </Button>
      </form>
    </main>
  );
}
