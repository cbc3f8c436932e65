/**
 * An AI voice agent: its draft ModelConfig (prompt, Prologue, output tags, main purpose…) as JSON, checked here for
 * syntax and saved through waihu UpdateAiVoiceAgent (the server names the field it refuses), published with
 * PublishAiVoiceAgent. Test calls run the published version, as a task's calls would.
 */
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Field, Spinner } from '../../ui';
import { call, type VoiceAgentDetail } from './agents-api';
import { jsonProblem, placeholders, showProblem, type JsonProblem } from './json-problem';
import { TestCallPanel } from './TestCallPanel';

const CODE = { font: '13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace', padding: '.5rem', border: '1px solid #8c959f', borderRadius: '6px', width: '100%', boxSizing: 'border-box' as const };

function ConfigEditor({ agentId, agent, onChanged }: { agentId: string; agent: VoiceAgentDetail; onChanged(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(agent.AiVoiceAgentModelConfig ?? {}, null, 2));
  const [syntax, setSyntax] = useState<JsonProblem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  async function save() {
    setDone('');
    setError(null);
    const problem = jsonProblem(text);
    setSyntax(problem ?? null);
    if (problem) {
      showProblem(area.current, problem);
      return;
    }
    setBusy('save');
    try {
      await call('waihu', 'UpdateAiVoiceAgent', { AgentId: agentId, ModelConfig: text });
      setDone(t('agents.saved'));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function publish() {
    setDone('');
    setError(null);
    setBusy('publish');
    try {
      await call('waihu', 'PublishAiVoiceAgent', { AgentId: agentId });
      setDone(t('agents.agent.published'));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="agent-config-title">
      <h2 id="agent-config-title">{t('agents.agent.config')}</h2>
      <p className="muted">{t('agents.agent.configIntro')}</p>
      <Field label="ModelConfig (JSON)" error={syntax ? t('agents.robot.syntax', { line: syntax.line, column: syntax.column, message: syntax.message }) : undefined}>
        {(ids) => (
          <textarea {...ids} ref={area} rows={18} spellCheck={false} style={CODE} value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSyntax(null);
              setDone('');
            }} />
        )}
      </Field>
      <div className="toolbar">
        <Button variant="primary" busy={busy === 'save'} disabled={busy !== null} onClick={() => void save()}>{t('agents.agent.saveDraft')}</Button>
        <Button busy={busy === 'publish'} disabled={busy !== null} onClick={() => void publish()}>{t('agents.agent.publish')}</Button>
        <span role="status" className="notice-inline">{done}</span>
      </div>
      {error !== null && <ErrorBox error={error} title={t('agents.saveFailed')} />}
    </section>
  );
}

export function VoiceAgentPage({ agentId }: { agentId: string }) {
  const { t } = useI18n();
  const load = useLoad(() => call<VoiceAgentDetail>('aiccs', 'QueryAiVoiceAgentDetail', { AgentId: agentId }), `agent:${agentId}`);
  const agent = load.data?.Data;
  const config = agent?.AiVoiceAgentModelConfig ?? {};
  const variables = placeholders(`${String(config.Prompt ?? '')} ${String(config.Prologue ?? '')}`);
  return (
    <section aria-labelledby="page-title">
      <p className="crumbs"><a href={href('/agents')}>{t('agents.title')}</a></p>
      <h1 id="page-title">{agent ? t('agents.agent.titleNamed', { name: agent.AgentName }) : t('agents.agent.title')}</h1>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !agent && <Spinner />}
      {agent && (
        <>
          <dl className="kv"><div><dt>AgentId</dt><dd><code>{agentId}</code></dd></div></dl>
          <ConfigEditor key={agentId} agentId={agentId} agent={agent} onChanged={load.reload} />
          <TestCallPanel target={{ AgentId: agentId }} variableNames={variables} />
        </>
      )}
    </section>
  );
}
