/** The wizard's input steps: basics, schedule, retries & pace, caller numbers. Each renders fields and their errors. */
import { useState } from 'react';
import { callAction } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Field, Spinner } from '../../ui';
import { CALL_DAYS, DEFAULT_RETRY_REASONS, RETRY_REASONS, type FieldErrors, type TaskForm } from './task-form';

export interface StepProps {
  form: TaskForm;
  errors: FieldErrors;
  set(patch: Partial<TaskForm>): void;
}

interface AgentEntry {
  AgentId: string;
  AgentName?: string;
  Status?: number;
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

/** A group of checkboxes with a legend and one error for the group. */
function CheckGroup({ legend, options, label, chosen, onChange, error, hint }: {
  legend: string;
  options: readonly string[];
  label(value: string): string;
  chosen: string[];
  onChange(next: string[]): void;
  error?: MessageKey | undefined;
  hint?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="tc-group" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="tc-checks">
        {options.map((o) => (
          <label key={o} className="tc-check">
            <input type="checkbox" checked={chosen.includes(o)} onChange={(e) => onChange(toggle(chosen, o, e.target.checked))} />
            {label(o)}
          </label>
        ))}
      </div>
      {hint && <span className="field-hint">{hint}</span>}
      {error && <span className="field-error" role="alert">{t(error)}</span>}
    </fieldset>
  );
}

export function BasicsStep({ form, errors, set }: StepProps) {
  const { t } = useI18n();
  const agents = useLoad(() => callAction('aiccs', 'PageQueryAgentList', { PageNo: 1, PageSize: 100 }), 'agents');
  const list = ((agents.data?.Data as { List?: AgentEntry[] } | undefined)?.List ?? []);
  const err = (k: string) => (errors[k] ? t(errors[k]!) : undefined);
  return (
    <div className="tc-fields">
      <Field label={t('tc.f.name')} hint={t('tc.h.name')} error={err('TaskName')}>
        {(ids) => <input {...ids} data-autofocus maxLength={200} value={form.TaskName} onChange={(e) => set({ TaskName: e.target.value })} />}
      </Field>
      <Field label={t('tc.f.agent')} hint={t('tc.h.agent')} error={err('AgentId')}>
        {(ids) => (
          <select {...ids} value={form.AgentId} onChange={(e) => set({ AgentId: e.target.value })}>
            <option value="">{t('tc.noAgent')}</option>
            {list.map((a) => (
              <option key={a.AgentId} value={a.AgentId}>
                {`${a.AgentName ?? a.AgentId} · ${t(a.Status === 1 ? 'tc.agentOnline' : a.Status === 2 ? 'tc.agentOffline' : 'tc.agentDraft')}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      {agents.state === 'loading' && <Spinner label={t('tc.loadingAgents')} />}
      {agents.state === 'error' && <ErrorBox error={agents.error} onRetry={agents.reload} title={t('tc.agentsFailed')} />}
      <Field label={t('tc.f.applicationCode')} hint={t('tc.h.applicationCode')} error={err('ApplicationCode')}>
        {(ids) => <input {...ids} value={form.ApplicationCode} onChange={(e) => set({ ApplicationCode: e.target.value })} />}
      </Field>
      <Field label={t('tc.f.applicationName')} error={err('ApplicationName')}>
        {(ids) => <input {...ids} value={form.ApplicationName} onChange={(e) => set({ ApplicationName: e.target.value })} />}
      </Field>
      <Field label={t('tc.f.source')} hint={t('tc.h.source')} error={err('Source')}>
        {(ids) => <input {...ids} inputMode="numeric" value={form.Source} onChange={(e) => set({ Source: e.target.value })} />}
      </Field>
    </div>
  );
}

export function ScheduleStep({ form, errors, set }: StepProps) {
  const { t, tCode } = useI18n();
  const err = (k: string) => (errors[k] ? t(errors[k]!) : undefined);
  const setWindow = (i: number, patch: Partial<{ start: string; end: string }>) =>
    set({ windows: form.windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <div className="tc-fields">
      <fieldset className="tc-group">
        <legend>{t('tc.f.startType')}</legend>
        <div className="tc-checks">
          {(['IMMEDIATE', 'SCHEDULE'] as const).map((type) => (
            <label key={type} className="tc-check">
              <input type="radio" name="StartType" value={type} checked={form.StartType === type} onChange={() => set({ StartType: type })} />
              {t(type === 'IMMEDIATE' ? 'tc.immediate' : 'tc.schedule')}
            </label>
          ))}
        </div>
        <span className="field-hint">{t(form.StartType === 'IMMEDIATE' ? 'tc.h.immediate' : 'tc.h.schedule')}</span>
      </fieldset>
      {form.StartType === 'SCHEDULE' && (
        <Field label={t('tc.f.startTime')} hint={t('tc.h.startTime')} error={err('TaskStartTime')}>
          {(ids) => <input {...ids} type="datetime-local" step={1} value={form.TaskStartTime} onChange={(e) => set({ TaskStartTime: e.target.value })} />}
        </Field>
      )}
      <fieldset className="tc-group tc-wide">
        <legend>{t('tc.f.windows')}</legend>
        <span className="field-hint">{t('tc.h.windows')}</span>
        {form.windows.map((w, i) => (
          <div key={i} className="tc-window">
            <Field label={t('tc.f.windowStart', { n: i + 1 })} error={err(`window.${i}`)}>
              {(ids) => <input {...ids} type="time" step={1} value={w.start} onChange={(e) => setWindow(i, { start: e.target.value })} />}
            </Field>
            <Field label={t('tc.f.windowEnd', { n: i + 1 })}>
              {(ids) => <input {...ids} type="time" step={1} value={w.end} onChange={(e) => setWindow(i, { end: e.target.value })} />}
            </Field>
            <Button onClick={() => set({ windows: form.windows.filter((_, j) => j !== i) })} disabled={form.windows.length <= 1} aria-label={t('tc.removeWindowN', { n: i + 1 })}>
              {t('tc.removeWindow')}
            </Button>
          </div>
        ))}
        {errors.windows && <span className="field-error" role="alert">{t(errors.windows)}</span>}
        <div>
          <Button onClick={() => set({ windows: [...form.windows, { start: '09:00:00', end: '18:00:00' }] })} disabled={form.windows.length >= 24}>
            {t('tc.addWindow')}
          </Button>
        </div>
      </fieldset>
      <CheckGroup
        legend={t('tc.f.days')}
        options={CALL_DAYS}
        label={(d) => tCode('tc.day', d)}
        chosen={form.CallDay}
        onChange={(CallDay) => set({ CallDay })}
        error={errors.CallDay}
      />
      <div className="tc-inline-actions">
        <Button onClick={() => set({ CallDay: [...CALL_DAYS] })}>{t('tc.everyDay')}</Button>
        <Button onClick={() => set({ CallDay: CALL_DAYS.slice(0, 5) })}>{t('tc.weekdays')}</Button>
      </div>
      <Field label={t('tc.f.timeZone')} hint={t('tc.h.timeZone')} error={err('TimeZone')}>
        {(ids) => <input {...ids} placeholder="Asia/Shanghai" value={form.TimeZone} onChange={(e) => set({ TimeZone: e.target.value })} />}
      </Field>
    </div>
  );
}

export function RetriesStep({ form, errors, set }: StepProps) {
  const { t, tCode } = useI18n();
  const err = (k: string) => (errors[k] ? t(errors[k]!) : undefined);
  return (
    <div className="tc-fields">
      <fieldset className="tc-group tc-wide">
        <legend>{t('tc.f.retry')}</legend>
        <label className="tc-check">
          <input type="checkbox" checked={form.MissCallRetry} onChange={(e) => set({ MissCallRetry: e.target.checked })} />
          {t('tc.retryOn')}
        </label>
        <span className="field-hint">{t('tc.h.retry')}</span>
      </fieldset>
      {form.MissCallRetry && (
        <>
          <CheckGroup
            legend={t('tc.f.retryReasons')}
            options={RETRY_REASONS}
            label={(r) => tCode('callResult', r, r)}
            chosen={form.CallRetryReason}
            onChange={(CallRetryReason) => set({ CallRetryReason })}
            error={errors.CallRetryReason}
            hint={t('tc.h.retryReasons', { list: DEFAULT_RETRY_REASONS.map((r) => tCode('callResult', r, r)).join(', ') })}
          />
          <Field label={t('tc.f.retryTimes')} hint={t('tc.h.retryTimes')} error={err('CallRetryTimes')}>
            {(ids) => <input {...ids} type="number" min={0} max={3} value={form.CallRetryTimes} onChange={(e) => set({ CallRetryTimes: e.target.value })} />}
          </Field>
          <Field label={t('tc.f.retryInterval')} hint={t('tc.h.retryInterval')} error={err('CallRetryInterval')}>
            {(ids) => <input {...ids} type="number" min={1} max={720} value={form.CallRetryInterval} onChange={(e) => set({ CallRetryInterval: e.target.value })} />}
          </Field>
        </>
      )}
      <Field label={t('tc.f.cps')} hint={t('tc.h.cps')} error={err('TaskCps')}>
        {(ids) => <input {...ids} type="number" min={1} max={500} value={form.TaskCps} onChange={(e) => set({ TaskCps: e.target.value })} />}
      </Field>
      <Field label={t('tc.f.concurrency')} hint={t('tc.h.concurrency')} error={err('Concurrency')}>
        {(ids) => <input {...ids} type="number" min={1} max={10000} value={form.Concurrency} onChange={(e) => set({ Concurrency: e.target.value })} />}
      </Field>
    </div>
  );
}

export function NumbersStep({ form, errors, set }: StepProps) {
  const { t } = useI18n();
  const numbers = useLoad(() => callAction('waihu', 'ListCallerNumbers', { PageNo: 1, PageSize: 100 }), 'caller-numbers');
  const registered = ((numbers.data?.Data as { List?: { PhoneNumber: string }[] } | undefined)?.List ?? []).map((n) => n.PhoneNumber);
  const extra = form.CallerNumbers.filter((n) => !registered.includes(n));
  const [typed, setTyped] = useState('');
  const err = (k: string) => (errors[k] ? t(errors[k]!) : undefined);
  function addTyped() {
    const n = typed.trim();
    if (n && !form.CallerNumbers.includes(n)) set({ CallerNumbers: [...form.CallerNumbers, n] });
    setTyped('');
  }
  return (
    <div className="tc-fields">
      {numbers.state === 'loading' && <Spinner label={t('tc.loadingNumbers')} />}
      {numbers.state === 'error' && <ErrorBox error={numbers.error} onRetry={numbers.reload} title={t('tc.numbersFailed')} />}
      <CheckGroup
        legend={t('tc.f.callerNumbers')}
        options={[...registered, ...extra]}
        label={(n) => n}
        chosen={form.CallerNumbers}
        onChange={(CallerNumbers) => set({ CallerNumbers })}
        error={errors.CallerNumbers}
        hint={registered.length === 0 && numbers.state === 'ok' ? t('tc.h.noCallerNumbers') : t('tc.h.callerNumbers')}
      />
      <div className="tc-inline-actions">
        <Field label={t('tc.f.addCaller')}>
          {(ids) => (
            <input
              {...ids}
              inputMode="tel"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addTyped();
                }
              }}
            />
          )}
        </Field>
        <Button onClick={addTyped} disabled={typed.trim() === ''}>{t('tc.add')}</Button>
      </div>
      <Field label={t('tc.f.virtualNumber')} hint={t('tc.h.virtualNumber')} error={err('VirtualNumber')}>
        {(ids) => <input {...ids} value={form.VirtualNumber} onChange={(e) => set({ VirtualNumber: e.target.value })} />}
      </Field>
      <Field label={t('tc.f.linePhoneNum')} error={err('LinePhoneNum')}>
        {(ids) => <input {...ids} value={form.LinePhoneNum} onChange={(e) => set({ LinePhoneNum: e.target.value })} />}
      </Field>
      <Field label={t('tc.f.lineEncoding')} error={err('LineEncoding')}>
        {(ids) => <input {...ids} value={form.LineEncoding} onChange={(e) => set({ LineEncoding: e.target.value })} />}
      </Field>
      <Field label={t('tc.f.phoneType')} hint={t('tc.h.phoneType')} error={err('PhoneType')}>
        {(ids) => <input {...ids} inputMode="numeric" value={form.PhoneType} onChange={(e) => set({ PhoneType: e.target.value })} />}
      </Field>
    </div>
  );
}
