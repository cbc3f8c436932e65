/**
 * Agents & robots: the account's robots (waihu ListRobots, CreateRobot), LLM applications (ListLlmApplications,
 * CreateLlmApplication) and AI voice agents (aiccs PageQueryAgentList). Each opens its own page with an editor and
 * a test call by text: `#/agents/robot/<DialogId>`, `#/agents/app/<ApplicationCode>`, `#/agents/agent/<AgentId>`.
 */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../router';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Field, Pager, Spinner, Table, type Column } from '../../ui';
import { call, MAX_NAME, type Application, type PageData, type RobotEntry, type VoiceAgentEntry } from './agents-api';
import { ApplicationPage } from './ApplicationPage';
import { RobotPage } from './RobotEditor';
import { VoiceAgentPage } from './VoiceAgentPage';

/** The script a new robot starts from: a greeting that listens once and says goodbye. */
const STARTER_SCRIPT = {
  version: 1,
  start: 'greet',
  nodes: {
    greet: {
      type: 'ask',
      prompt: '您好，请问您现在方便吗？',
      intents: [{ name: '方便', keywords: ['方便', '可以', '好'], next: 'bye' }],
      noInput: { retries: 1, prompt: '您好，请问您还在吗？', next: 'bye' },
      noMatch: { retries: 0, next: 'bye' },
    },
    bye: { type: 'hangup', prompt: '感谢您的接听，再见。' },
  },
};

/** A one-field (or few-field) create form that opens the new item. */
function CreateRobot() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') return setProblem(t('agents.required'));
    setProblem(undefined);
    setBusy(true);
    setError(null);
    try {
      const res = await call<string>('waihu', 'CreateRobot', { Name: name.trim(), Script: JSON.stringify(STARTER_SCRIPT) });
      navigate(`/agents/robot/${encodeURIComponent(res.Data)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="filters" onSubmit={submit} aria-label={t('agents.robot.create')} noValidate>
      <Field label={t('agents.robot.newName')} error={problem}>
        {(ids) => <input {...ids} maxLength={MAX_NAME} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <div className="filters-actions"><Button type="submit" variant="primary" busy={busy}>{t('agents.robot.create')}</Button></div>
      {error !== null && <ErrorBox error={error} title={t('agents.createFailed')} />}
    </form>
  );
}

function CreateApplication() {
  const { t } = useI18n();
  const [draft, setDraft] = useState({ Name: '', Prompt: '', StartWord: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof typeof draft, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() === '').map(([k]) => [k, t('agents.required')]));
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call<string>('waihu', 'CreateLlmApplication', { Name: draft.Name.trim(), Prompt: draft.Prompt, StartWord: draft.StartWord });
      navigate(`/agents/app/${encodeURIComponent(res.Data)}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  return (
    <form className="filters" onSubmit={submit} aria-label={t('agents.app.create')} noValidate>
      <Field label={t('agents.name')} error={problems.Name}>{(ids) => <input {...ids} maxLength={MAX_NAME} value={draft.Name} onChange={set('Name')} />}</Field>
      <Field label={t('agents.app.prompt')} error={problems.Prompt}>{(ids) => <input {...ids} value={draft.Prompt} onChange={set('Prompt')} />}</Field>
      <Field label={t('agents.app.startWord')} error={problems.StartWord}>{(ids) => <input {...ids} value={draft.StartWord} onChange={set('StartWord')} />}</Field>
      <div className="filters-actions"><Button type="submit" variant="primary" busy={busy}>{t('agents.app.create')}</Button></div>
      {error !== null && <ErrorBox error={error} title={t('agents.createFailed')} />}
    </form>
  );
}

/** A paged list section. */
function usePaged<T>(product: 'waihu' | 'aiccs', action: string) {
  const [page, setPage] = useState({ no: 1, size: 10 });
  const load = useLoad(() => call<PageData<T>>(product, action, { PageNo: page.no, PageSize: page.size }), `${action}:${page.no}:${page.size}`);
  return { load, page, setPage };
}

function RobotsSection() {
  const { t, dateTime } = useI18n();
  const { load, page, setPage } = usePaged<RobotEntry>('waihu', 'ListRobots');
  const columns: Column<RobotEntry>[] = [
    { key: 'name', header: t('agents.name'), render: (r) => <a href={href(`/agents/robot/${encodeURIComponent(r.DialogId)}`)}>{r.Name}</a> },
    { key: 'id', header: 'DialogId', render: (r) => <code>{r.DialogId}</code> },
    { key: 'version', header: t('agents.version'), render: (r) => r.Version, align: 'num' },
    { key: 'updated', header: t('agents.updated'), render: (r) => dateTime(r.UpdateTime) },
  ];
  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="robots-title">
      <h2 id="robots-title">{t('agents.robots')}</h2>
      <p className="muted">{t('agents.robots.intro')}</p>
      <CreateRobot />
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !data && <Spinner />}
      {data && (
        <>
          <Table caption={t('agents.robots')} columns={columns} rows={data.List} rowKey={(r) => r.DialogId} empty={t('agents.robots.empty')} />
          <Pager label={t('agents.robots')} pageNo={page.no} pageSize={page.size} total={data.Total} onChange={(no, size) => setPage({ no, size })} />
        </>
      )}
    </section>
  );
}

function ApplicationsSection() {
  const { t, dateTime } = useI18n();
  const { load, page, setPage } = usePaged<Application>('waihu', 'ListLlmApplications');
  const columns: Column<Application>[] = [
    { key: 'name', header: t('agents.name'), render: (a) => <a href={href(`/agents/app/${encodeURIComponent(a.ApplicationCode)}`)}>{a.Name}</a> },
    { key: 'code', header: 'ApplicationCode', render: (a) => <code>{a.ApplicationCode}</code> },
    { key: 'start', header: t('agents.app.startWord'), render: (a) => a.StartWord },
    { key: 'updated', header: t('agents.updated'), render: (a) => dateTime(a.UpdateTime) },
  ];
  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="apps-title">
      <h2 id="apps-title">{t('agents.apps')}</h2>
      <p className="muted">{t('agents.apps.intro')}</p>
      <CreateApplication />
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !data && <Spinner />}
      {data && (
        <>
          <Table caption={t('agents.apps')} columns={columns} rows={data.List} rowKey={(a) => a.ApplicationCode} empty={t('agents.apps.empty')} />
          <Pager label={t('agents.apps')} pageNo={page.no} pageSize={page.size} total={data.Total} onChange={(no, size) => setPage({ no, size })} />
        </>
      )}
    </section>
  );
}

function VoiceAgentsSection() {
  const { t, tCode } = useI18n();
  const { load, page, setPage } = usePaged<VoiceAgentEntry>('aiccs', 'PageQueryAgentList');
  const columns: Column<VoiceAgentEntry>[] = [
    { key: 'name', header: t('agents.name'), render: (a) => <a href={href(`/agents/agent/${encodeURIComponent(String(a.AgentId))}`)}>{a.AgentName}</a> },
    { key: 'id', header: 'AgentId', render: (a) => <code>{String(a.AgentId)}</code> },
    { key: 'status', header: t('agents.agent.status'), render: (a) => tCode('agents.agent.status', a.Status, String(a.Status)) },
    { key: 'updated', header: t('agents.updated'), render: (a) => a.ModifyTime ?? '' },
  ];
  const data = load.data?.Data;
  return (
    <section className="card" aria-labelledby="voice-agents-title">
      <h2 id="voice-agents-title">{t('agents.voiceAgents')}</h2>
      <p className="muted">{t('agents.voiceAgents.intro')}</p>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !data && <Spinner />}
      {data && (
        <>
          <Table caption={t('agents.voiceAgents')} columns={columns} rows={data.List} rowKey={(a) => String(a.AgentId)} empty={t('agents.voiceAgents.empty')} />
          <Pager label={t('agents.voiceAgents')} pageNo={page.no} pageSize={page.size} total={data.Total} onChange={(no, size) => setPage({ no, size })} />
        </>
      )}
    </section>
  );
}

export default function AgentsPage({ route }: { route: string[] }) {
  const { t } = useI18n();
  const [, kind, id] = route;
  if (kind === 'robot' && id) return <RobotPage dialogId={id} />;
  if (kind === 'app' && id) return <ApplicationPage code={id} />;
  if (kind === 'agent' && id) return <VoiceAgentPage agentId={id} />;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('agents.title')}</h1>
      <RobotsSection />
      <ApplicationsSection />
      <VoiceAgentsSection />
    </section>
  );
}
