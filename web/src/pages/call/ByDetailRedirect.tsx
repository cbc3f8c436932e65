/**
 * #/calls/by-detail/<TaskId>/<DetailId>: the recipients table knows a recipient's DetailId, not its CallId, so this
 * page asks aiccs QueryConversationDetailInfoNew for the detail's latest call and replaces itself with
 * #/calls/<CallId> (replace, not push, so Back returns to the task rather than bouncing here again).
 */
import { useEffect } from 'react';
import { callAction } from '../../api';
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useLoad } from '../../use-load';
import { ErrorBox, Spinner } from '../../ui';
import { isNotFound } from './call-data';

async function latestCallId(taskId: string, detailId: string): Promise<string | undefined> {
  const data = (await callAction('aiccs', 'QueryConversationDetailInfoNew', { TaskId: taskId, DetailId: detailId })).Data as
    | { CallId?: unknown }
    | undefined;
  const callId = data?.CallId;
  return typeof callId === 'string' && callId !== '' ? callId : undefined;
}

export default function ByDetailRedirect({ taskId, detailId }: { taskId: string; detailId: string }) {
  const { t } = useI18n();
  const load = useLoad(() => latestCallId(taskId, detailId), `${taskId}/${detailId}`);
  const callId = load.state === 'ok' ? load.data : undefined;

  useEffect(() => {
    if (callId !== undefined) window.location.replace(href(`/calls/${encodeURIComponent(callId)}`));
  }, [callId]);

  return (
    <section aria-labelledby="page-title">
      <p className="crumbs"><a href={href(`/tasks/${encodeURIComponent(taskId)}`)}>{t('byDetail.back')}</a></p>
      <h1 id="page-title">{t('byDetail.title')}</h1>
      {(load.state === 'loading' || callId !== undefined) && <Spinner label={t('byDetail.looking')} />}
      {load.state === 'ok' && callId === undefined && <p role="status">{t('byDetail.noCall')}</p>}
      {load.state === 'error' && (isNotFound(load.error)
        ? <div className="error-box" role="alert"><p>{t('byDetail.notFound')}</p><p><code>{detailId}</code></p></div>
        : <ErrorBox error={load.error} onRetry={load.reload} />)}
    </section>
  );
}
