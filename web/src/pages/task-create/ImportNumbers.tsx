/**
 * `#/tasks/<id>/import`: numbers from a CSV or XLSX file, read in the browser. The user maps columns (number, OutId,
 * call variables — the agent's when the task has one), sees every bad row with its file line before anything is
 * sent, then the valid rows go out with ImportTaskNumberDatas in batches of 1000 (its most per call) with a progress
 * bar; a batch the server refuses is added to the report with the line it names.
 */
import { useMemo, useState } from 'react';
import type { TaskDetail } from '../../actions';
import { ApiError, callAction } from '../../api';
import { download, toCsv } from '../../csv';
import { useI18n } from '../../i18n';
import { decodeCsvBytes, parseCsv } from '../../import/csv-parse';
import { batches, checkMapping, checkRows, guessMapping, refusedLine, type CheckedRow, type MappingProblem, type RowProblem } from '../../import/number-rows';
import type { SheetTable } from '../../import/table';
import { parseXlsx } from '../../import/xlsx-read';
import { href } from '../../router';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Field, ProgressBar, Spinner } from '../../ui';
import { ColumnMapper, mappingOf, rolesOf, type AgentVariable, type ColumnRole } from './ColumnMapper';
import './task-create.css';

/** Rows shown in the on-page report; the downloadable report has them all. */
const SHOWN_PROBLEMS = 200;

interface Loaded {
  task: TaskDetail;
  variables: AgentVariable[];
}

interface ModelConfig {
  PhoneTagConfig?: { PhoneTagKey: string; PhoneTagName?: string; PhoneTagRequired?: boolean }[];
  Prologue?: string;
}

/** The agent's call variables: its PhoneTagConfig, plus `${name}` placeholders its opening line uses. */
async function agentVariables(agentId: string | undefined): Promise<AgentVariable[]> {
  if (!agentId) return [];
  try {
    const res = await callAction('aiccs', 'QueryAiVoiceAgentDetail', { AgentId: agentId });
    const model = ((res.Data as { AiVoiceAgentModelConfig?: ModelConfig } | undefined)?.AiVoiceAgentModelConfig ?? {});
    const vars: AgentVariable[] = (model.PhoneTagConfig ?? []).map((p) => ({ key: p.PhoneTagKey, name: p.PhoneTagName ?? p.PhoneTagKey, required: p.PhoneTagRequired === true }));
    for (const m of (model.Prologue ?? '').matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
      if (!vars.some((v) => v.key === m[1])) vars.push({ key: m[1]!, name: m[1]!, required: false });
    }
    return vars;
  } catch {
    // Without the agent's variables the user names them freely; the import itself does not need them.
    return [];
  }
}

async function loadTask(taskId: string): Promise<Loaded> {
  const task = (await callAction('aiccs', 'QueryAiCallTaskDetail', { TaskId: taskId })).Data;
  return { task, variables: await agentVariables(task.AgentId) };
}

async function readFile(file: File): Promise<SheetTable> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // An .xlsx is a ZIP, which starts with "PK".
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zip || /\.xlsx$/i.test(file.name)) return parseXlsx(bytes);
  return parseCsv(decodeCsvBytes(bytes));
}

interface Refusal {
  /** The line the server named, else the batch's first line. */
  line: number;
  lastLine: number;
  batch: number;
  code: string;
  message: string;
}

interface SendState {
  total: number;
  sent: number;
  refusedRows: number;
  refusals: Refusal[];
  done: boolean;
}

function useProblemText() {
  const { t } = useI18n();
  return {
    row: (p: RowProblem): string => {
      switch (p.kind) {
        case 'missingNumber': return t('imp.p.missingNumber');
        case 'badNumber': return t('imp.p.badNumber', { value: p.value });
        case 'duplicate': return t('imp.p.duplicate', { value: p.value, line: p.of });
        case 'outIdTooLong': return t('imp.p.outIdTooLong', { length: p.length });
        case 'valueTooLong': return t('imp.p.valueTooLong', { name: p.variable, length: p.length });
      }
    },
    mapping: (p: MappingProblem): string => {
      switch (p.kind) {
        case 'noPhoneColumn': return t('imp.m.noPhone');
        case 'tooManyVariables': return t('imp.m.tooMany', { n: p.count });
        case 'badVariableName': return t('imp.m.badName', { name: p.name });
        case 'duplicateVariable': return t('imp.m.duplicate', { name: p.name });
      }
    },
  };
}

function Report({ checked, refusals, fileProblems }: { checked: CheckedRow[]; refusals: Refusal[]; fileProblems: SheetTable['problems'] }) {
  const { t } = useI18n();
  const text = useProblemText();
  const bad = checked.filter((r) => r.problems.length > 0);
  const rows: { key: string; line: string; number: string; problem: string }[] = [
    ...fileProblems.map((p) => ({ key: `f${p.line}`, line: String(p.line), number: '', problem: t('imp.p.unclosedQuote') })),
    ...bad.map((r) => ({ key: `r${r.line}`, line: String(r.line), number: r.data.calleeNumber ?? '', problem: r.problems.map(text.row).join('; ') })),
    ...refusals.map((r) => ({
      key: `s${r.batch}`,
      line: r.line === r.lastLine ? String(r.line) : `${r.line}–${r.lastLine}`,
      number: '',
      problem: t('imp.p.refused', { batch: r.batch, code: r.code, message: r.message }),
    })),
  ];
  if (rows.length === 0) return <p className="tc-ok" role="status">{t('imp.allValid', { n: checked.length })}</p>;
  return (
    <div className="tc-report">
      <h3>{t('imp.reportTitle', { n: rows.length })}</h3>
      <div className="table-wrap">
        <table className="table" aria-label={t('imp.reportTitle', { n: rows.length })}>
          <thead>
            <tr><th scope="col">{t('imp.col.line')}</th><th scope="col">{t('imp.col.number')}</th><th scope="col">{t('imp.col.problem')}</th></tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_PROBLEMS).map((r) => (
              <tr key={r.key}><td className="num">{r.line}</td><td><code>{r.number}</code></td><td className="tc-problem">{r.problem}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_PROBLEMS && <p className="muted">{t('imp.moreProblems', { shown: SHOWN_PROBLEMS, n: rows.length })}</p>}
      <Button onClick={() => download('import-report.csv', toCsv([t('imp.col.line'), t('imp.col.number'), t('imp.col.problem')], rows.map((r) => [r.line, r.number, r.problem])))}>
        {t('imp.downloadReport')}
      </Button>
    </div>
  );
}

export default function ImportNumbers({ taskId, fresh }: { taskId: string; fresh: boolean }) {
  const { t } = useI18n();
  const text = useProblemText();
  const load = useLoad(() => loadTask(taskId), taskId);
  const [fileName, setFileName] = useState('');
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [table, setTable] = useState<SheetTable | null>(null);
  const [roles, setRoles] = useState<ColumnRole[]>([]);
  const [send, setSend] = useState<SendState | null>(null);

  const mapping = useMemo(() => mappingOf(roles), [roles]);
  const mappingProblems = useMemo(() => checkMapping(mapping), [mapping]);
  const checked = useMemo(() => (table && mappingProblems.length === 0 ? checkRows(table.rows, mapping) : []), [table, mapping, mappingProblems]);
  const valid = checked.filter((r) => r.problems.length === 0);

  async function choose(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setReading(true);
    setReadError(null);
    setTable(null);
    setSend(null);
    try {
      const parsed = await readFile(file);
      if (parsed.header.length === 0) throw new Error(t('imp.emptyFile'));
      setTable(parsed);
      setRoles(rolesOf(guessMapping(parsed, load.data?.variables ?? []), parsed.header.length));
    } catch (err) {
      setReadError(err);
    } finally {
      setReading(false);
    }
  }

  async function importRows() {
    const parts = batches(valid);
    const state: SendState = { total: valid.length, sent: 0, refusedRows: 0, refusals: [], done: false };
    setSend({ ...state });
    for (const [i, part] of parts.entries()) {
      try {
        await callAction('aiccs', 'ImportTaskNumberDatas', { TaskId: taskId, DataType: 'JSON', PhoneNumberList: part.map((r) => r.data) });
        state.sent += part.length;
      } catch (err) {
        // One bad row refuses the whole call, so the batch's rows were not imported; the others go on.
        const message = err instanceof Error ? err.message : String(err);
        const first = part[0]!.line;
        const named = refusedLine(message, part);
        state.refusedRows += part.length;
        state.refusals.push({
          line: named ?? first,
          lastLine: named ?? part[part.length - 1]!.line,
          batch: i + 1,
          code: err instanceof ApiError ? err.code : 'Error',
          message,
        });
      }
      setSend({ ...state, refusals: [...state.refusals] });
    }
    setSend({ ...state, refusals: [...state.refusals], done: true });
  }

  const sending = send !== null && !send.done;
  const data = load.data;
  return (
    <section aria-labelledby="page-title" className="tc">
      <p className="crumbs"><a href={href(`/tasks/${encodeURIComponent(taskId)}`)}>{t('imp.backToTask')}</a></p>
      <h1 id="page-title">{t('imp.title')}{data ? ` · ${data.task.TaskName}` : ''}</h1>
      {fresh && <p className="tc-ok" role="status">{t('imp.created')}</p>}
      {load.state === 'loading' && <Spinner />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {data && (
        <>
          <div className="card">
            <h2>{t('imp.step.file')}</h2>
            <p className="muted">{t('imp.fileIntro')}</p>
            <Field label={t('imp.file')} hint={fileName ? t('imp.fileChosen', { name: fileName }) : t('imp.fileHint')}>
              {(ids) => (
                <input
                  {...ids}
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  disabled={sending}
                  onChange={(e) => void choose(e.target.files?.[0])}
                />
              )}
            </Field>
            {reading && <Spinner label={t('imp.reading')} />}
            {readError !== null && <ErrorBox error={readError} title={t('imp.readFailed')} />}
            {data.variables.length > 0 && (
              <p className="muted">{t('imp.agentVariables', { list: data.variables.map((v) => (v.required ? `${v.key}*` : v.key)).join(', ') })}</p>
            )}
          </div>
          {table && (
            <div className="card">
              <h2>{t('imp.step.map')}</h2>
              <p className="muted">{t('imp.mapIntro', { rows: table.rows.length, columns: table.header.length })}</p>
              <ColumnMapper table={table} roles={roles} onChange={setRoles} agentVariables={data.variables} />
              {mappingProblems.length > 0 && (
                <ul className="field-error" role="alert">{mappingProblems.map((p, i) => <li key={i}>{text.mapping(p)}</li>)}</ul>
              )}
            </div>
          )}
          {table && mappingProblems.length === 0 && (
            <div className="card">
              <h2>{t('imp.step.check')}</h2>
              <p className="stats">
                <span>{t('imp.count.rows', { n: checked.length })}</span>
                <span>{t('imp.count.valid', { n: valid.length })}</span>
                <span>{t('imp.count.invalid', { n: checked.length - valid.length })}</span>
              </p>
              <Report checked={checked} refusals={send?.refusals ?? []} fileProblems={table.problems} />
              <div className="toolbar tc-send">
                <Button variant="primary" busy={sending} disabled={valid.length === 0 || sending || send?.done === true} onClick={() => void importRows()}>
                  {t('imp.send', { n: valid.length, batches: batches(valid).length })}
                </Button>
              </div>
              {send && (
                <div aria-live="polite">
                  <ProgressBar
                    total={send.total}
                    label={t('imp.progress', { done: send.sent + send.refusedRows, total: send.total })}
                    segments={[
                      { value: send.sent, label: t('imp.seg.imported'), className: 'seg-ended' },
                      { value: send.refusedRows, label: t('imp.seg.refused'), className: 'seg-failed' },
                    ]}
                  />
                  {send.done && (
                    <p className={send.refusedRows === 0 ? 'tc-ok' : 'warning'} role="status">
                      {t('imp.done', { sent: send.sent, refused: send.refusedRows })}{' '}
                      <a href={href(`/tasks/${encodeURIComponent(taskId)}`)}>{t('imp.openTask')}</a>
                    </p>
                  )}
                </div>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
