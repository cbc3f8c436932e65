/** The signed-in frame: skip link, header (account, user, language, sign-out), the section nav and the page. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Session } from './api';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SECTIONS } from './nav';
import { href, useRoute } from './router';
import { Button, Spinner } from './ui';

const TasksPage = lazy(() => import('./pages/TasksPage'));
const TaskDetailPage = lazy(() => import('./pages/TaskDetailPage'));
const ApiKeysPage = lazy(() => import('./pages/ApiKeysPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const VoicePage = lazy(() => import('./pages/voice/VoicePage'));
const NumbersPage = lazy(() => import('./pages/numbers/NumbersPage'));
const ReceiptsPage = lazy(() => import('./pages/receipts/ReceiptsPage'));
const CallDetailPage = lazy(() => import('./pages/call/CallDetailPage'));
const ByDetailRedirect = lazy(() => import('./pages/call/ByDetailRedirect'));
const TaskCreatePage = lazy(() => import('./pages/task-create/TaskCreatePage'));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage'));
const AgentsPage = lazy(() => import('./pages/agents/AgentsPage'));
const ForecastPage = lazy(() => import('./pages/forecast/ForecastPage'));

function Page({ route }: { route: string[] }) {
  const [first = 'overview', second] = route;
  if (first === 'tasks' && (second === 'new' || route[2] === 'import')) return <TaskCreatePage route={route} />;
  if (first === 'tasks' && second) return <TaskDetailPage taskId={second} />;
  if (first === 'tasks') return <TasksPage />;
  if (first === 'keys') return <ApiKeysPage />;
  if (first === 'calls' && second === 'by-detail') return <ByDetailRedirect taskId={route[2] ?? ''} detailId={route[3] ?? ''} />;
  if (first === 'calls' && second) return <CallDetailPage callId={second} />;
  if (first === 'voice' || first === 'numbers' || first === 'receipts') return first === 'voice' ? <VoicePage /> : first === 'numbers' ? <NumbersPage /> : <ReceiptsPage />;
  if (first === 'overview') return <OverviewPage />;
  if (first === 'agents') return <AgentsPage route={route} />;
  if (first === 'forecast') return <ForecastPage />;
  return <NotFoundPage />;
}

export function Shell({ session, onSignOut }: { session: Session; onSignOut(): Promise<void> }) {
  const { t } = useI18n();
  const route = useRoute();
  const current = route[0] ?? 'overview';
  const main = useRef<HTMLElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  // A new page: close the small-screen menu and let screen readers hear the page title.
  useEffect(() => setMenuOpen(false), [current]);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <a className="brand" href={href('/overview')}>{t('app.name')}</a>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="section-nav"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t('shell.menu')}
        </button>
        <div className="topbar-right">
          <span className="who">
            <span className="who-user">{t('header.user', { name: session.user.name })}</span>
            <span className="who-account">{t('header.account', { id: session.user.accountId })}</span>
          </span>
          <LanguageSwitch />
          <Button
            busy={signingOut}
            onClick={() => {
              setSigningOut(true);
              onSignOut().finally(() => setSigningOut(false));
            }}
          >
            {t('header.signOut')}
          </Button>
        </div>
      </header>
      <div className="body">
        <nav id="section-nav" className={`sidenav${menuOpen ? ' open' : ''}`} aria-label={t('shell.nav')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.route}>
                <a href={href(`/${s.route}`)} aria-current={s.route === current ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main-content" ref={main} tabIndex={-1} className="content">
          <Suspense fallback={<Spinner />}>
            <Page route={route} />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
