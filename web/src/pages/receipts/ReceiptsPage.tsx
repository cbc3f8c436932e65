/** Receipts: where each message type goes, the delivery log with re-push, and the push signing secret. */
import { useI18n } from '../../i18n';
import { DeliveryLogSection } from './DeliveryLogSection';
import { ReceiptSettingsSection } from './ReceiptSettingsSection';
import { SecretSection } from './SecretSection';

export default function ReceiptsPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('receipts.title')}</h1>
      <ReceiptSettingsSection />
      <DeliveryLogSection />
      <SecretSection />
    </section>
  );
}
