/**
 * A robot's script editor: the JSON script in a textarea, checked here for JSON syntax (the caret is put on the
 * problem, with its line and column) and then by the server through waihu UpdateRobot, whose message names the node
 * and the field. A valid script is saved (the Version goes up); a refused one leaves the stored robot as it was.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Field, Spinner } from '../../ui';
import { call, MAX_NAME, type RobotDetail, type RobotEntry } from './agents-api';
import { jsonProblem, placeholders, showProblem, type JsonProblem } from './json-problem';
import { TestCallPanel } from './TestCallPanel';

const CODE = { font: '13px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace', padding: '.5rem', border: '1px solid #8c959f', borderRadius: '6px', width: '100%', boxSizing: 'border-box' as const };

function Editor({ robot, onSaved }: { robot: RobotDetail; onSaved(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(robot.Name);
  const [script, setScript] = useState(() => JSON.stringify(robot.Script, null, 2));
  const [syntax, setSyntax] = useState<JsonProblem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  async function validate() {
    setSaved(null);
    setError(null);
    const problem = jsonProblem(script);
    setSyntax(problem ?? null);
    if (problem) {
      showProblem(area.current, problem);
      return;
    }
    setBusy(true);
    try {
      const res = await call<RobotEntry>('waihu', 'UpdateRobot', { DialogId: robot.DialogId, Name: name.trim(), Script: script });
      setSaved(res.Data.Version);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const lines = script.split('\n').length;
  return (
    <section className="card" aria-labelledby="robot-script-title">
      <h2 id="robot-script-title">{t('agents.robot.script')}</h2>
      <p className="muted">{t('agents.robot.scriptIntro')}</p>
      <Field label={t('agents.name')}>
        {(ids) => <input {...ids} maxLength={MAX_NAME} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        label={t('agents.robot.scriptJson')}
        hint={t('agents.robot.lines', { n: lines })}
        error={syntax ? t('agents.robot.syntax', { line: syntax.line, column: syntax.column, message: syntax.message }) : undefined}
      >
        {(ids) => (
          <textarea {...ids} ref={area} rows={Math.min(30, Math.max(12, lines + 1))} spellCheck={false} style={CODE} value={script}
            onChange={(e) => {
              setScript(e.target.value);
              setSyntax(null);
              setSaved(null);
            }} />
        )}
      </Field>
      <div className="toolbar">
        <Button variant="primary" busy={busy} onClick={() => void validate()}>{t('agents.robot.validate')}</Button>
        <span role="status" className="notice-inline">{saved !== null ? t('agents.robot.saved', { version: saved }) : ''}</span>
      </div>
      {error !== null && <ErrorBox error={error} title={t('agents.robot.refused')} />}
    </section>
  );
}

export function RobotPage({ dialogId }: { dialogId: string }) {
  const { t } = useI18n();
  const load = useLoad(() => call<RobotDetail>('waihu', 'GetRobot', { DialogId: dialogId }), `robot:${dialogId}`);
  const [variableNames, setVariableNames] = useState<string[]>([]);
  const robot = load.data?.Data;
  useEffect(() => {
    if (robot) setVariableNames(placeholders(JSON.stringify(robot.Script)));
  }, [robot]);
  return (
    <section aria-labelledby="page-title">
      <p className="crumbs"><a href={href('/agents')}>{t('agents.title')}</a></p>
      <h1 id="page-title">{robot ? t('agents.robot.titleNamed', { name: robot.Name }) : t('agents.robot.title')}</h1>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && !robot && <Spinner />}
      {robot && (
        <>
          <dl className="kv">
            <div><dt>DialogId</dt><dd><code>{robot.DialogId}</code></dd></div>
            <div><dt>{t('agents.version')}</dt><dd>{robot.Version}</dd></div>
          </dl>
          <Editor key={robot.DialogId} robot={robot} onSaved={load.reload} />
          <TestCallPanel target={{ DialogId: robot.DialogId }} variableNames={variableNames} />
        </>
      )}
    </section>
  );
}
