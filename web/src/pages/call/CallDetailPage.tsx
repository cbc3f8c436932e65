/**
 * One call (#/calls/<CallId>): its status and times, the recording with a waveform player, the transcript as a chat,
 * summary and intent, editable tags and the recipient's variables. Data from call-data.ts (SDK actions only).
 */
import { duration } from '../../format';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useLoad } from '../../use-load';
import { Button, ErrorBox, Spinner, Table } from '../../ui';
import { isNotFound, loadCall, type CallView, type When } from './call-data';
import { RecordingPlayer } from './RecordingPlayer';
import { TagEditor } from './TagEditor';
import { Transcript } from './Transcript';
import './call.css';

function Facts({ call }: { call: CallView }) {
  const { t, tCode, dateTime } = useI18n();
  const when = (w: When | undefined) => (typeof w === 'number' ? dateTime(w) : w);
  const rows: [string, string | undefined][] = [
    [t('call.f.callId'), call.callId],
    [t('call.f.status'), call.status === 'CALLING' ? t('call.status.CALLING') : tCode('callResult', call.status)],
    [t('call.f.number'), call.number],
    [t('call.f.customer'), call.customer],
    [t('call.f.callTime'), call.callTime],
    [t('call.f.ringTime'), when(call.ringTime)],
    [t('call.f.answerTime'), when(call.answerTime)],
    [t('call.f.endTime'), when(call.endTime)],
    [t('call.f.duration'), call.durationSeconds === undefined ? undefined : duration(call.durationSeconds)],
    [t('call.f.hangup'), call.hangup === undefined ? undefined : tCode('call.hangup', call.hangup)],
    [t('call.f.carrierState'), call.carrierState],
  ];
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('call.facts')}</h2>
      <dl className="kv">
        {rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
        {call.taskId && (
          <div><dt>{t('call.f.task')}</dt><dd><a href={href(`/tasks/${encodeURIComponent(call.taskId)}`)}>{call.taskId}</a></dd></div>
        )}
      </dl>
    </section>
  );
}

function Analysis({ call }: { call: CallView }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="analysis-title">
      <h2 id="analysis-title" className="visually-hidden">{t('call.summary')}</h2>
      <dl className="analysis">
        <div><dt>{t('call.summary')}</dt><dd>{call.summary ?? <span className="muted">{t('call.noSummary')}</span>}</dd></div>
        <div><dt>{t('call.intent')}</dt><dd>{call.intent ?? <span className="muted">{t('call.noIntent')}</span>}</dd></div>
      </dl>
    </section>
  );
}

function Variables({ variables }: { variables: [string, string][] }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="variables-title">
      <h2 id="variables-title">{t('call.variables')}</h2>
      <Table
        caption={t('call.variables')}
        columns={[
          { key: 'name', header: t('call.var.name'), render: ([k]) => <code>{k}</code> },
          { key: 'value', header: t('call.var.value'), render: ([, v]) => v },
        ]}
        rows={variables}
        rowKey={([k]) => k}
        empty={t('call.noVariables')}
      />
    </section>
  );
}

export default function CallDetailPage({ callId }: { callId: string }) {
  const { t, tCode } = useI18n();
  const load = useLoad(() => loadCall(callId), callId);
  const call = load.data;
  return (
    <section aria-labelledby="page-title" className="call-page">
      <p className="crumbs">
        {call?.taskId
          ? <a href={href(`/tasks/${encodeURIComponent(call.taskId)}`)}>{t('call.backToTask')}</a>
          : <a href={href('/tasks')}>{t('call.back')}</a>}
      </p>
      <h1 id="page-title">
        {t('call.title')} {call?.number && <span className="muted">{call.number}</span>}
        {call && <span className="badge">{call.status === 'CALLING' ? t('call.status.CALLING') : tCode('callResult', call.status)}</span>}
      </h1>
      {load.state === 'loading' && !call && <Spinner />}
      {load.state === 'error' && (isNotFound(load.error)
        ? <div className="error-box" role="alert"><p>{t('call.notFound')}</p><p><code>{callId}</code></p></div>
        : <ErrorBox error={load.error} onRetry={load.reload} />)}
      {call && (
        <>
          <div className="toolbar">
            <Button onClick={load.reload} busy={load.state === 'loading'}>{t('common.refresh')}</Button>
          </div>
          <div className="call-grid">
            <div className="call-main">
              <RecordingPlayer callId={call.callId} recordUrl={call.recordUrl} onReload={load.reload} />
              <Transcript turns={call.turns} marked={call.marked} />
            </div>
            <div className="call-side">
              <Facts call={call} />
              <Analysis call={call} />
              <TagEditor key={call.tags.join('\u0000')} callId={call.callId} initial={call.tags} />
              <Variables variables={call.variables} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
