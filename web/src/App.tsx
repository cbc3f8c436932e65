/** Decides between the sign-in page and the console: restores the session once, and returns to sign-in on 401. */
import { useEffect, useState } from 'react';
import { currentSession, signOut, whenSignedOut, type Session } from './api';
import { useI18n } from './i18n';
import { Shell } from './Shell';
// SignInPage is imported eagerly: it is small, and as a lazy page React would hold its first paint back by up to
// 300 ms (React 19 throttles the reveal of suspended content), most of the console's first-load time.
import SignInPage from './pages/SignInPage';
import { Button, ErrorBox, Spinner } from './ui';

type Boot = { state: 'checking' } | { state: 'failed'; error: unknown } | { state: 'ready'; session: Session | null };

export function App() {
  const { t } = useI18n();
  const [boot, setBoot] = useState<Boot>({ state: 'checking' });
  const [expired, setExpired] = useState(false);

  function check() {
    setBoot({ state: 'checking' });
    currentSession().then(
      (session) => setBoot({ state: 'ready', session }),
      (error: unknown) => setBoot({ state: 'failed', error }),
    );
  }

  useEffect(() => {
    whenSignedOut(() => {
      setExpired(true);
      setBoot({ state: 'ready', session: null });
    });
    check();
  }, []);

  if (boot.state === 'checking') return <main className="center"><Spinner /></main>;
  if (boot.state === 'failed') {
    return (
      <main className="center">
        <ErrorBox error={boot.error} title={t('boot.failed')} />
        <Button onClick={check}>{t('common.retry')}</Button>
      </main>
    );
  }
  if (!boot.session) {
    return (
      <SignInPage
        expired={expired}
        onSignedIn={(session) => {
          setExpired(false);
          setBoot({ state: 'ready', session });
        }}
      />
    );
  }
  return (
    <Shell
      session={boot.session}
      onSignOut={async () => {
        try {
          await signOut();
        } finally {
          setBoot({ state: 'ready', session: null });
        }
      }}
    />
  );
}
