/**
 * A test call by text (waihu StartAgentTestCall, SendAgentTestInput, EndAgentTestCall): the same conversation a
 * real call runs, in a chat box. The bot's lines and the tester's inputs are listed in order (announced politely to
 * screen readers); once the call ends, how it ended and its analysis are shown.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { Button, ErrorBox, Field } from '../../ui';
import { call, MAX_TEXT_INPUT, type TestCallData, type TestTarget } from './agents-api';

interface Line {
  who: 'bot' | 'me';
  text: string;
}

export function TestCallPanel({ target, variableNames }: { target: TestTarget; variableNames: string[] }) {
  const { t } = useI18n();
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [callId, setCallId] = useState<string | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [ended, setEnded] = useState<TestCallData | null>(null);
  const [text, setText] = useState('');
  const [keys, setKeys] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLOListElement>(null);

  // The call belongs to the page: leaving it hangs up, so no test call is left open on the server.
  const open = useRef<string | null>(null);
  open.current = callId;
  useEffect(() => () => {
    if (open.current) void call('waihu', 'EndAgentTestCall', { TestCallId: open.current }).catch(() => undefined);
  }, []);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [lines]);

  async function run(action: string, params: Record<string, unknown>, mine?: string) {
    setBusy(true);
    setError(null);
    try {
      const res = await call<TestCallData>('waihu', action, params);
      const data = res.Data;
      setLines((prev) => [...prev, ...(mine !== undefined ? [{ who: 'me' as const, text: mine }] : []), ...data.Messages.map((m) => ({ who: 'bot' as const, text: m.Text }))]);
      if (data.Ended) {
        setEnded(data);
        setCallId(null);
      } else {
        setCallId(data.TestCallId);
        requestAnimationFrame(() => input.current?.focus());
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function start() {
    setLines([]);
    setEnded(null);
    const filled = Object.fromEntries(Object.entries(variables).filter(([, v]) => v.trim() !== ''));
    void run('StartAgentTestCall', { ...target, Variables: JSON.stringify(filled) });
  }

  function send(e: FormEvent) {
    e.preventDefault();
    if (!callId || text.trim() === '') return;
    const said = text.trim();
    setText('');
    void run('SendAgentTestInput', { TestCallId: callId, Text: said }, said);
  }

  function press() {
    if (!callId || !/^[0-9*#]+$/.test(keys)) return;
    const pressed = keys;
    setKeys('');
    void run('SendAgentTestInput', { TestCallId: callId, Dtmf: pressed }, t('agents.test.pressed', { keys: pressed }));
  }

  const analysis = ended?.Analysis;
  return (
    <section className="card" aria-labelledby="test-call-title">
      <h2 id="test-call-title">{t('agents.test.title')}</h2>
      <p className="muted">{t('agents.test.intro')}</p>
      {callId === null && variableNames.length > 0 && (
        <fieldset className="filters">
          <legend>{t('agents.test.variables')}</legend>
          {variableNames.map((name) => (
            <Field key={name} label={name}>
              {(ids) => <input {...ids} value={variables[name] ?? ''} onChange={(e) => setVariables({ ...variables, [name]: e.target.value })} />}
            </Field>
          ))}
        </fieldset>
      )}
      {callId === null && (
        <div className="toolbar">
          <Button variant="primary" busy={busy} onClick={start}>{lines.length > 0 ? t('agents.test.again') : t('agents.test.start')}</Button>
        </div>
      )}
      {lines.length > 0 && (
        <ol ref={log} className="chat" aria-live="polite" aria-label={t('agents.test.log')} style={{ listStyle: 'none', padding: 0, maxHeight: '24rem', overflowY: 'auto' }}>
          {lines.map((line, i) => (
            <li key={i} data-who={line.who} style={{ margin: '.4rem 0', textAlign: line.who === 'me' ? 'right' : 'left' }}>
              <span className="visually-hidden">{line.who === 'bot' ? t('agents.test.bot') : t('agents.test.me')}: </span>
              <span style={{ display: 'inline-block', padding: '.4rem .7rem', borderRadius: '10px', maxWidth: '80%', background: line.who === 'bot' ? '#eef2f7' : '#dbeafe' }}>{line.text}</span>
            </li>
          ))}
        </ol>
      )}
      {callId !== null && (
        <>
          <form className="filters" onSubmit={send}>
            <Field label={t('agents.test.say')}>
              {(ids) => <input {...ids} ref={input} maxLength={MAX_TEXT_INPUT} value={text} onChange={(e) => setText(e.target.value)} disabled={busy} />}
            </Field>
            <div className="filters-actions">
              <Button type="submit" variant="primary" busy={busy} disabled={text.trim() === ''}>{t('agents.test.send')}</Button>
            </div>
          </form>
          <div className="filters">
            <Field label={t('agents.test.keys')} hint={t('agents.test.keysHint')}>
              {(ids) => <input {...ids} inputMode="tel" maxLength={32} value={keys} onChange={(e) => setKeys(e.target.value.replace(/[^0-9*#]/g, ''))} disabled={busy} />}
            </Field>
            <div className="filters-actions">
              <Button onClick={press} disabled={busy || keys === ''}>{t('agents.test.press')}</Button>
              <Button onClick={() => void run('SendAgentTestInput', { TestCallId: callId, Silence: true }, t('agents.test.silent'))} disabled={busy}>{t('agents.test.silence')}</Button>
              <Button variant="danger" onClick={() => void run('EndAgentTestCall', { TestCallId: callId })} disabled={busy}>{t('agents.test.hangUp')}</Button>
            </div>
          </div>
        </>
      )}
      {ended && (
        <div className="notice" role="status">
          <p><strong>{t('agents.test.ended', { by: t(ended.EndedBy === 'callee' ? 'agents.test.by.callee' : ended.EndedBy === 'system' ? 'agents.test.by.system' : 'agents.test.by.robot') })}</strong></p>
          {ended.TransferredTo && <p>{t('agents.test.transferred', { number: ended.TransferredTo })}</p>}
          {analysis && (
            <dl className="kv">
              <div><dt>{t('agents.test.intent')}</dt><dd>{analysis.MajorIntent || '—'}</dd></div>
              <div><dt>{t('agents.test.tags')}</dt><dd>{analysis.Tags.length === 0 ? '—' : analysis.Tags.map((tag) => `${tag.Name}: ${tag.Value}`).join('; ')}</dd></div>
              <div><dt>{t('agents.test.summary')}</dt><dd>{analysis.Summary || '—'}</dd></div>
            </dl>
          )}
        </div>
      )}
      {error !== null && <ErrorBox error={error} title={t('agents.test.failed')} />}
    </section>
  );
}
