/**
 * Voice resources: TTS templates (with a spoken preview), voice files, and the voices on offer (aiccs
 * ListAvailableTts), which the preview's voice choice also uses.
 */
import { useI18n } from '../../i18n';
import { useLoad } from '../../use-load';
import { ErrorBox, Spinner, Table, type Column } from '../../ui';
import { TtsTemplatesSection } from './TtsTemplatesSection';
import { VoiceFilesSection } from './VoiceFilesSection';
import { call, type AvailableVoice } from './voice-api';

function VoicesSection({ load }: { load: ReturnType<typeof useVoices> }) {
  const { t } = useI18n();
  const columns: Column<AvailableVoice>[] = [
    { key: 'code', header: 'TtsVoiceCode', render: (v) => <code>{v.TtsVoiceCode}</code> },
    { key: 'name', header: t('voice.voices.name'), render: (v) => v.TtsVoiceName ?? '' },
    { key: 'engine', header: t('voice.voices.engine'), render: (v) => v.TtsEngine ?? '' },
    { key: 'style', header: t('voice.voices.style'), render: (v) => v.TtsStyle ?? '' },
  ];
  return (
    <section className="card" aria-labelledby="voices-title">
      <h2 id="voices-title">{t('voice.voices.title')}</h2>
      <p className="muted">{t('voice.voices.intro')}</p>
      {load.state === 'error' && <ErrorBox error={load.error} onRetry={load.reload} />}
      {load.state === 'loading' && <Spinner />}
      {load.data && (
        <Table caption={t('voice.voices.title')} columns={columns} rows={load.data.Data} rowKey={(v) => v.TtsVoiceCode} empty={t('voice.voices.empty')} />
      )}
    </section>
  );
}

function useVoices() {
  return useLoad(() => call<AvailableVoice[]>('aiccs', 'ListAvailableTts', {}), 'voices');
}

export default function VoicePage() {
  const { t } = useI18n();
  const voices = useVoices();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('voice.title')}</h1>
      <TtsTemplatesSection voices={voices.data?.Data ?? []} />
      <VoiceFilesSection />
      <VoicesSection load={voices} />
    </section>
  );
}
