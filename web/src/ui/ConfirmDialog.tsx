import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Button } from './Button';
import { Dialog } from './Dialog';

/**
 * Asks before something that cannot be undone (deleting a key, a user, a number): Cancel has the focus, so Enter
 * does no harm; the danger button runs `onConfirm` after the dialog has closed.
 */
export function ConfirmDialog({ title, confirmLabel, onConfirm, onClose, children }: {
  title: string;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose} data-autofocus>{t('common.cancel')}</Button>
          <Button
            variant="danger"
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
