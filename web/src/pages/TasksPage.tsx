/** Tasks list: aiccs QueryAiCallTaskPage with name and status filters and paging; a row opens the task. */
import { useState, type FormEvent } from 'react';
import { TASK_STATUSES, type TaskListEntry, type TaskStatusName } from '../actions';
import { callAction } from '../api';
import { compact } from '../format';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useLoad } from '../use-load';
import { Button, ErrorBox, Field, Pager, Spinner, Table, type Column } from '../ui';
import { TaskStatusBadge } from './StatusBadge';

interface Query {
  TaskName: string;
  Status: TaskStatusName | '';
  PageNo: number;
  PageSize: number;
}

export default function TasksPage() {
  const { t, tCode, dateTime, number } = useI18n();
  const [query, setQuery] = useState<Query>({ TaskName: '', Status: '', PageNo: 1, PageSize: 20 });
  const [draft, setDraft] = useState({ TaskName: '', Status: '' as TaskStatusName | '' });

  const load = useLoad(
    () => callAction('aiccs', 'QueryAiCallTaskPage', compact({
      TaskName: query.TaskName.trim(),
      Status: query.Status || undefined,
      PageNo: query.PageNo,
      PageSize: query.PageSize,
    })),
    JSON.stringify(query),
  );

  function apply(e: FormEvent) {
    e.preventDefault();
    setQuery({ ...query, ...draft, PageNo: 1 });
  }

  const columns: Column<TaskListEntry>[] = [
    { key: 'name', header: t('tasks.col.name'), render: (r) => <a href={href(`/tasks/${encodeURIComponent(r.TaskId)}`)}>{r.TaskName}</a> },
    { key: 'id', header: t('tasks.col.id'), render: (r) => <code>{r.TaskId}</code> },
    { key: 'status', header: t('tasks.col.status'), render: (r) => <TaskStatusBadge code={r.Status} /> },
    { key: 'agent', header: t('tasks.col.agent'), render: (r) => r.AgentName ?? r.AgentId ?? '' },
    { key: 'total', header: t('tasks.col.total'), align: 'num', render: (r) => number(r.TotalCount ?? 0) },
    { key: 'called', header: t('tasks.col.called'), align: 'num', render: (r) => number(r.TotalCallCount ?? 0) },
    { key: 'complete', header: t('tasks.col.complete'), align: 'num', render: (r) => r.CompleteRate ?? '' },
    { key: 'connect', header: t('tasks.col.connect'), align: 'num', render: (r) => r.HistoryConnectRate ?? '' },
    { key: 'created', header: t('tasks.col.created'), render: (r) => dateTime(r.CreateTime) },
  ];

  const data = load.data?.Data;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('tasks.title')}</h1>
      <div className="toolbar">
        <a className="btn btn-primary" style={{ textDecoration: 'none' }} href={href('/tasks/new')}>{t('tc.newTask')}</a>
      </div>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('tasks.filters')}>
        <Field label={t('tasks.filter.name')}>
          {(ids) => <input {...ids} type="search" value={draft.TaskName} onChange={(e) => setDraft({ ...draft, TaskName: e.target.value })} />}
        </Field>
        <Field label={t('tasks.filter.status')}>
          {(ids) => (
            <select {...ids} value={draft.Status} onChange={(e) => setDraft({ ...draft, Status: e.target.value as TaskStatusName | '' })}>
              <option value="">{t('common.all')}</option>
              {TASK_STATUSES.map((s) => <option key={s} value={s}>{tCode('taskStatus', s)}</option>)}
            </select>
          )}
        </Field>
        <div className="filters-actions">
          <Button type="submit" variant="primary">{t('common.search')}</Button>
          <Button onClick={() => { setDraft({ TaskName: '', Status: '' }); setQuery({ ...query, TaskName: '', Status: '', PageNo: 1 }); }}>
            {t('common.reset')}
          </Button>
        </div>
      </form>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {data && (
        <div aria-busy={load.state === 'loading'}>
          <Table
            caption={t('tasks.title')}
            columns={columns}
            rows={data.List}
            rowKey={(r) => r.TaskId}
            empty={query.TaskName || query.Status ? t('tasks.emptyFiltered') : t('tasks.empty')}
          />
          <Pager
            label={t('tasks.pager')}
            pageNo={query.PageNo}
            pageSize={query.PageSize}
            total={data.Total}
            onChange={(PageNo, PageSize) => setQuery({ ...query, PageNo, PageSize })}
          />
        </div>
      )}
    </section>
  );
}
