/**
 * One task: QueryAiCallTaskDetail (settings) and QueryAiCallTaskPage filtered by TaskId (status and counters,
 * which the detail action does not carry), Start/Stop, and the recipients table.
 */
import { useState } from 'react';
import type { TaskDetail, TaskListEntry } from '../actions';
import { callAction } from '../api';
import { useI18n } from '../i18n';
import { href } from '../router';
import { canStart, canStop } from '../task-status';
import { useLoad } from '../use-load';
import { Button, ErrorBox, ProgressBar, Spinner } from '../ui';
import { RecipientsSection } from './RecipientsSection';
import { TaskStatusBadge } from './StatusBadge';

interface Loaded {
  detail: TaskDetail;
  entry: TaskListEntry | undefined;
}

async function loadTask(taskId: string): Promise<Loaded> {
  const [detail, page] = await Promise.all([
    callAction('aiccs', 'QueryAiCallTaskDetail', { TaskId: taskId }),
    callAction('aiccs', 'QueryAiCallTaskPage', { TaskId: taskId, PageNo: 1, PageSize: 1 }),
  ]);
  return { detail: detail.Data, entry: page.Data.List.find((e) => e.TaskId === taskId) };
}

function Progress({ entry }: { entry: TaskListEntry }) {
  const { t } = useI18n();
  const total = entry.TotalCount ?? 0;
  const ended = entry.SucceedCount ?? 0;
  const failed = entry.FailedCount ?? 0;
  const calling = entry.CallingCount ?? 0;
  return (
    <div className="card">
      <h2>{t('task.progress')}</h2>
      <ProgressBar
        total={total}
        label={t('task.progressLabel', { done: ended + failed, total, rate: entry.CompleteRate ?? '0%' })}
        segments={[
          { value: ended, label: t('task.seg.ended'), className: 'seg-ended' },
          { value: failed, label: t('task.seg.failed'), className: 'seg-failed' },
          { value: calling, label: t('task.seg.calling'), className: 'seg-calling' },
        ]}
      />
      <p className="stats">
        <span>{t('task.stat.total', { n: total })}</span>
        <span>{t('task.stat.complete', { rate: entry.CompleteRate ?? '0%' })}</span>
        <span>{t('task.stat.connect', { rate: entry.HistoryConnectRate ?? '0%' })}</span>
        <span>{t('task.stat.today', { calls: entry.DayCallCount ?? 0, rate: entry.DayConnectRate ?? '0%', imported: entry.DayImportCount ?? 0 })}</span>
      </p>
    </div>
  );
}

function Settings({ d, entry }: { d: TaskDetail; entry: TaskListEntry | undefined }) {
  const { t, dateTime } = useI18n();
  const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? t('common.yes') : t('common.no'));
  const rows: [string, string | number | undefined][] = [
    [t('task.f.id'), d.TaskId],
    [t('task.f.agent'), d.AgentName && d.AgentName !== d.AgentId ? `${d.AgentName} (${d.AgentId ?? ''})` : d.AgentId],
    [t('task.f.application'), d.ApplicationName ?? d.ApplicationCode],
    [t('task.f.startType'), d.StartType],
    [t('task.f.startTime'), dateTime(d.StartTime)],
    [t('task.f.realStartTime'), dateTime(d.RealStartTime)],
    [t('task.f.concurrency'), d.ConcurrentCount],
    [t('task.f.caller'), d.CallerNumber],
    [t('task.f.line'), d.LinePhoneNum],
    [t('task.f.encoding'), d.LineEncoding],
    [t('task.f.phoneType'), d.PhoneType],
    [t('task.f.callTimes'), d.CallTimes?.map((w) => `${w.StartTime}–${w.EndTime}`).join(', ')],
    [t('task.f.callDays'), d.CallDays?.join(', ')],
    [t('task.f.retry'), yesNo(d.RetryEnable)],
    [t('task.f.retryReasons'), d.RetryReasons?.join(', ')],
    [t('task.f.retryCount'), d.RetryCount],
    [t('task.f.retryInterval'), d.RetryInterval === undefined ? undefined : t('task.minutes', { n: d.RetryInterval })],
    [t('task.f.failedReason'), entry?.StartFailedReason],
  ];
  return (
    <div className="card">
      <h2>{t('task.settings')}</h2>
      <dl className="kv">
        {rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
      </dl>
    </div>
  );
}

export default function TaskDetailPage({ taskId }: { taskId: string }) {
  const { t } = useI18n();
  const load = useLoad(() => loadTask(taskId), taskId);
  const [acting, setActing] = useState<'start' | 'stop' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function run(which: 'start' | 'stop') {
    setActing(which);
    setActionError(null);
    setNotice('');
    try {
      await callAction('aiccs', which === 'start' ? 'StartAiCallTask' : 'StopAiCallTask', { TaskId: taskId });
      setNotice(which === 'start' ? t('task.started') : t('task.stopped'));
      load.reload();
    } catch (err) {
      setActionError(err);
    } finally {
      setActing(null);
    }
  }

  const data = load.data;
  const status = data?.entry?.Status;
  return (
    <section aria-labelledby="page-title">
      <p className="crumbs"><a href={href('/tasks')}>{t('task.back')}</a></p>
      <h1 id="page-title">
        {data ? data.detail.TaskName : t('task.title')} {status !== undefined && <TaskStatusBadge code={status} />}
      </h1>
      {load.state === 'loading' && <Spinner />}
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {data && (
        <>
          <div className="toolbar">
            <Button variant="primary" busy={acting === 'start'} disabled={status === undefined || !canStart(status) || acting !== null} onClick={() => run('start')}>
              {t('task.start')}
            </Button>
            <Button variant="danger" busy={acting === 'stop'} disabled={status === undefined || !canStop(status) || acting !== null} onClick={() => run('stop')}>
              {t('task.stop')}
            </Button>
            <a className="btn" style={{ textDecoration: 'none' }} href={href(`/tasks/${encodeURIComponent(taskId)}/import`)}>{t('tc.importNumbers')}</a>
            <Button onClick={load.reload} disabled={load.state === 'loading'}>{t('common.refresh')}</Button>
            <span role="status" className="notice-inline">{notice}</span>
          </div>
          {actionError !== null && <ErrorBox error={actionError} title={t('task.actionFailed')} />}
          {data.entry && <Progress entry={data.entry} />}
          <Settings d={data.detail} entry={data.entry} />
          <RecipientsSection taskId={taskId} />
        </>
      )}
    </section>
  );
}
