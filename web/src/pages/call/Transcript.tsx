/**
 * The dialog as a chat: our side (prompts, robot, agent) on the right, the callee on the left. A key press shows its
 * keys as keycaps; a barge-in carries a visible badge and words for screen readers. The actions give turns in order
 * but without their times, so the list is numbered rather than timestamped.
 */
import { useI18n } from '../../i18n';
import type { Turn } from './call-data';

function Keys({ keys }: { keys: string }) {
  const { t } = useI18n();
  return (
    <span className="turn-keys">
      <span className="visually-hidden">{t('call.keysSr', { keys: [...keys].join(' ') })}</span>
      <span aria-hidden="true">
        <span className="turn-keys-label">{t('call.keys')}</span>
        {[...keys].map((k, i) => <kbd key={i}>{k}</kbd>)}
      </span>
    </span>
  );
}

export function Transcript({ turns, marked }: { turns: Turn[]; marked: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="transcript-title">
      <h2 id="transcript-title">
        {t('call.transcript')} {turns.length > 0 && <span className="muted small">{t('call.turnCount', { n: turns.length })}</span>}
      </h2>
      {!marked && turns.length > 0 && <p className="muted small">{t('call.transcriptNoMarks')}</p>}
      {turns.length === 0 ? (
        <p className="muted">{t('call.transcriptEmpty')}</p>
      ) : (
        <ol className="chat">
          {turns.map((turn, i) => (
            <li key={i} className={`turn turn-${turn.speaker}${turn.interrupted ? ' turn-interrupted' : ''}`}>
              <span className="turn-who">
                {t(turn.speaker === 'agent' ? 'call.speaker.agent' : 'call.speaker.user')}
                {turn.interrupted && (
                  <>
                    <span className="badge badge-interrupted" aria-hidden="true">{t('call.interrupted')}</span>
                    <span className="visually-hidden">{t('call.interruptedSr')}</span>
                  </>
                )}
              </span>
              <span className="turn-bubble">{turn.keys ? <Keys keys={turn.keys} /> : turn.text}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
