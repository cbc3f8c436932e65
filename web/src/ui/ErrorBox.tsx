import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { Button } from './Button';

/** An error as the server gave it (Code, Message, RequestId), with a retry when the caller offers one. */
export function ErrorBox({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const api = error instanceof ApiError ? error : undefined;
  const message = api ? (api.status === 0 ? t('error.network') : api.message) : error instanceof Error ? error.message : String(error);
  return (
    <div className="error-box" role="alert">
      <strong>{title ?? t('error.title')}</strong>
      <p>{message}</p>
      {api && (
        <p className="error-meta">
          {t('error.code')}: <code>{api.code}</code>
          {api.status > 0 && <> · HTTP {api.status}</>}
          {api.requestId && <> · {t('error.requestId')}: <code>{api.requestId}</code></>}
        </p>
      )}
      {onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    </div>
  );
}
