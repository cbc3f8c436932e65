/**
 * Forecast: runs waihu RunForecast (the `waihu simulate` engine on the server) for the account and shows how the
 * campaign would go: summary figures, calls and answers per hour, and the final outcomes, with tables as a fallback.
 * The model is prefilled from GetSimulatorModel; edits apply to this forecast only.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { callAction } from '../../api';
import { useI18n } from '../../i18n';
import { Button, ErrorBox, Field, Spinner } from '../../ui';
import { useLoad } from '../../use-load';
import { DAYS, MAX_NUMBERS, parseWindows, wholeNumber, type ForecastData } from './forecast-data';
import { ForecastResults } from './ForecastResults';
import { readNumberFile, type NumberFile } from './number-file';

type Source = 'count' | 'file';
type Errors = Partial<Record<'count' | 'file' | 'cps' | 'windows' | 'days' | 'retry' | 'model', string>>;

const grid = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: '.75rem 1rem', alignItems: 'start' } as const;

export default function ForecastPage() {
  const { t, number } = useI18n();
  const model = useLoad(async () => {
    const res = (await callAction('waihu', 'GetSimulatorModel', {})) as unknown as { Data: { Model: unknown } };
    return JSON.stringify(res.Data.Model, null, 2);
  }, 'model');
  const [source, setSource] = useState<Source>('count');
  const [count, setCount] = useState('1000');
  const [file, setFile] = useState<NumberFile | null>(null);
  const [cps, setCps] = useState('10');
  const [windows, setWindows] = useState('09:00-12:00, 13:30-18:00');
  const [days, setDays] = useState<string[]>(DAYS.slice(0, 5));
  const [retry, setRetry] = useState(false);
  const [retryTimes, setRetryTimes] = useState('1');
  const [retryInterval, setRetryInterval] = useState('5');
  const [start, setStart] = useState('');
  const [modelText, setModelText] = useState<string | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [run, setRun] = useState<{ state: 'idle' } | { state: 'running'; count: number } | { state: 'error'; error: unknown } | { state: 'ok'; data: ForecastData }>({ state: 'idle' });

  const shownModel = modelText ?? model.data ?? '';

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0];
    if (!chosen) return setFile(null);
    const read = readNumberFile(await chosen.text());
    setFile(read);
    setErrors((prev) => ({ ...prev, file: read.numbers.length === 0 ? t('forecast.fileEmpty') : read.numbers.length > MAX_NUMBERS ? t('forecast.fileTooMany', { count: number(read.numbers.length) }) : undefined }));
  }

  /** The parameters, or the problems in words next to their fields. */
  function params(): { params: Record<string, unknown>; count: number } | null {
    const problems: Errors = {};
    const out: Record<string, unknown> = {};
    let total = 0;
    if (source === 'count') {
      const n = wholeNumber(count, 1, MAX_NUMBERS);
      if (n === null) problems.count = t('forecast.countInvalid');
      else [out.Numbers, total] = [n, n];
    } else if (!file) problems.file = t('forecast.fileNeeded');
    else if (file.numbers.length === 0) problems.file = t('forecast.fileEmpty');
    else if (file.numbers.length > MAX_NUMBERS) problems.file = t('forecast.fileTooMany', { count: number(file.numbers.length) });
    else [out.NumberList, total] = [file.numbers, file.numbers.length];
    const taskCps = wholeNumber(cps, 1, 500);
    if (taskCps === null) problems.cps = t('forecast.cpsInvalid');
    else out.TaskCps = taskCps;
    const callTime = parseWindows(windows);
    if (callTime === null) problems.windows = t('forecast.windowsInvalid');
    else if (callTime.length > 0) out.CallTime = callTime;
    if (days.length === 0) problems.days = t('forecast.daysInvalid');
    else out.CallDay = DAYS.filter((d) => days.includes(d));
    if (retry) {
      const times = wholeNumber(retryTimes, 0, 3);
      const interval = wholeNumber(retryInterval, 1, 720);
      if (times === null || interval === null) problems.retry = t('forecast.retryInvalid');
      else Object.assign(out, { MissCallRetry: true, CallRetryTimes: times, CallRetryInterval: interval });
    }
    if (start) out.StartTime = new Date(start).getTime();
    if (modelText !== null && modelText !== model.data) {
      try {
        out.Model = JSON.stringify(JSON.parse(modelText));
      } catch (err) {
        problems.model = t('forecast.modelInvalid', { message: err instanceof Error ? err.message : String(err) });
      }
    }
    setErrors(problems);
    return Object.values(problems).some(Boolean) ? null : { params: out, count: total };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const request = params();
    if (!request) return;
    setRun({ state: 'running', count: request.count });
    try {
      const res = (await callAction('waihu', 'RunForecast', request.params)) as unknown as { Data: ForecastData };
      setRun({ state: 'ok', data: res.Data });
    } catch (error) {
      setRun({ state: 'error', error });
    }
  }

  return (
    <section aria-labelledby="forecast-title">
      <h1 id="forecast-title">{t('forecast.title')}</h1>
      <p className="muted">{t('forecast.intro')}</p>
      <form className="card" onSubmit={submit} aria-label={t('forecast.form')} noValidate>
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 .75rem' }}>
          <legend>{t('forecast.source')}</legend>
          <label style={{ marginRight: '1rem' }}>
            <input type="radio" name="forecast-source" checked={source === 'count'} onChange={() => setSource('count')} /> {t('forecast.sourceCount')}
          </label>
          <label>
            <input type="radio" name="forecast-source" checked={source === 'file'} onChange={() => setSource('file')} /> {t('forecast.sourceFile')}
          </label>
        </fieldset>
        <div style={grid}>
          {source === 'count' ? (
            <Field label={t('forecast.count')} hint={t('forecast.countHint')} error={errors.count}>
              {(ids) => <input {...ids} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}
            </Field>
          ) : (
            <Field label={t('forecast.file')} hint={file && !errors.file ? `${t('forecast.fileRead', { count: number(file.numbers.length) })}${file.skipped ? t('forecast.fileSkipped', { count: number(file.skipped) }) : ''}` : t('forecast.fileHint')} error={errors.file}>
              {(ids) => <input {...ids} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void chooseFile(e)} />}
            </Field>
          )}
          <Field label={t('forecast.cps')} hint={t('forecast.cpsHint')} error={errors.cps}>
            {(ids) => <input {...ids} inputMode="numeric" value={cps} onChange={(e) => setCps(e.target.value)} />}
          </Field>
          <Field label={t('forecast.windows')} hint={t('forecast.windowsHint')} error={errors.windows}>
            {(ids) => <input {...ids} value={windows} onChange={(e) => setWindows(e.target.value)} />}
          </Field>
          <Field label={t('forecast.start')} hint={t('forecast.startHint')}>
            {(ids) => <input {...ids} type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} />}
          </Field>
        </div>
        <fieldset style={{ border: 0, padding: 0, margin: '.75rem 0' }} aria-describedby={errors.days ? 'forecast-days-error' : undefined}>
          <legend>{t('forecast.days')}</legend>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '.25rem 1rem' }}>
            {DAYS.map((d) => (
              <label key={d}>
                <input type="checkbox" checked={days.includes(d)} onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))} /> {t(`forecast.day.${d}`)}
              </label>
            ))}
          </div>
          {errors.days && <span id="forecast-days-error" className="field-error">{errors.days}</span>}
        </fieldset>
        <div style={grid}>
          <label style={{ alignSelf: 'end' }}>
            <input type="checkbox" checked={retry} onChange={(e) => setRetry(e.target.checked)} /> {t('forecast.retry')}
          </label>
          {retry && (
            <>
              <Field label={t('forecast.retryTimes')} error={errors.retry}>
                {(ids) => <input {...ids} inputMode="numeric" value={retryTimes} onChange={(e) => setRetryTimes(e.target.value)} />}
              </Field>
              <Field label={t('forecast.retryInterval')}>
                {(ids) => <input {...ids} inputMode="numeric" value={retryInterval} onChange={(e) => setRetryInterval(e.target.value)} />}
              </Field>
            </>
          )}
        </div>
        {model.state === 'loading' && model.data === undefined ? <Spinner label={t('forecast.modelLoading')} /> : model.state === 'error' ? <ErrorBox error={model.error} onRetry={model.reload} /> : (
          <Field label={t('forecast.model')} hint={t('forecast.modelHint')} error={errors.model}>
            {(ids) => <textarea {...ids} className="mono" rows={8} spellCheck={false} value={shownModel} onChange={(e) => setModelText(e.target.value)} style={{ width: '100%', fontFamily: 'monospace' }} />}
          </Field>
        )}
        <div className="filters-actions" style={{ marginTop: '.75rem' }}>
          <Button type="submit" variant="primary" busy={run.state === 'running'}>{t('forecast.run')}</Button>
        </div>
      </form>
      {run.state === 'idle' && <p className="muted">{t('forecast.empty')}</p>}
      {run.state === 'running' && <Spinner label={t('forecast.running', { count: number(run.count) })} />}
      {run.state === 'error' && <ErrorBox error={run.error} />}
      {run.state === 'ok' && <ForecastResults data={run.data} />}
    </section>
  );
}
