/**
 * The call's recording: the stereo WAV behind RecordUrl downloaded once, decoded for a two-lane waveform (callee on the
 * left channel, platform on the right) and played from the same bytes by an <audio> element, so the signed link may
 * expire without stopping playback. The waveform is a slider: click or drag to seek, arrow keys step, Home/End jump.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ApiError } from '../../api';
import { duration } from '../../format';
import { useI18n } from '../../i18n';
import { Button, ErrorBox, Spinner } from '../../ui';
import { decodeWav, drawLanes, peaksOf, type Peaks } from './waveform';

const HEIGHT_PX = 140;
const CALLEE_COLOUR = '#0b5cad';
const PLATFORM_COLOUR = '#1a7f37';

interface Loaded {
  url: string;
  /** Null when this browser could not decode the file: no waveform, but the <audio> element may still play it. */
  audio: AudioBuffer | null;
}

/** The WAV's bytes; a refused download becomes an ApiError with the store's code (AccessDenied for an expired link). */
async function download(recordUrl: string): Promise<ArrayBuffer> {
  let res: Response;
  try {
    res = await fetch(recordUrl, { credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, 'Console.NetworkError', err instanceof Error ? err.message : String(err));
  }
  if (res.ok) return res.arrayBuffer();
  const body = (await res.json().catch(() => ({}))) as { Code?: string; Message?: string; RequestId?: string };
  throw new ApiError(res.status, body.Code ?? `HTTP.${res.status}`, body.Message ?? res.statusText, body.RequestId);
}

function useRecording(recordUrl: string, attempt: number) {
  const [state, setState] = useState<{ loaded?: Loaded; error?: unknown }>({});
  useEffect(() => {
    let live = true;
    let url = '';
    setState({});
    download(recordUrl).then(
      async (bytes) => {
        const audio = await decodeWav(bytes).catch(() => null);
        url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
        if (live) setState({ loaded: { url, audio } });
        else URL.revokeObjectURL(url);
      },
      (error: unknown) => {
        if (live) setState({ error });
      },
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [recordUrl, attempt]);
  return state;
}

/** The waveform canvas, redrawn whenever its box changes width; the peak levels are exposed as data attributes. */
function Waveform({ audio, labels }: { audio: AudioBuffer; labels: [string, string] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [levels, setLevels] = useState<[number, number] | null>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const draw = () => {
      const scale = window.devicePixelRatio || 1;
      const columns = Math.max(1, Math.round(el.clientWidth * scale));
      el.width = columns;
      el.height = Math.round(HEIGHT_PX * scale);
      const left = audio.getChannelData(0);
      const right = audio.numberOfChannels > 1 ? audio.getChannelData(1) : left;
      const callee: Peaks = peaksOf(left, columns);
      const platform: Peaks = peaksOf(right, columns);
      drawLanes(el, [
        { peaks: callee, colour: CALLEE_COLOUR, label: labels[0] },
        { peaks: platform, colour: PLATFORM_COLOUR, label: labels[1] },
      ], scale);
      setLevels([callee.peak, platform.peak]);
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(el);
    return () => observer.disconnect();
  }, [audio, labels]);

  return (
    <canvas
      ref={canvas}
      className="wave-canvas"
      style={{ height: HEIGHT_PX }}
      aria-hidden="true"
      data-callee-peak={levels ? levels[0].toFixed(3) : undefined}
      data-platform-peak={levels ? levels[1].toFixed(3) : undefined}
    />
  );
}

function Player({ loaded, fileName }: { loaded: Loaded; fileName: string }) {
  const { t } = useI18n();
  const audioEl = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [at, setAt] = useState(0);
  const [mediaDuration, setMediaDuration] = useState(0);
  const total = loaded.audio?.duration ?? mediaDuration;
  const callee = t('call.channel.callee');
  const platform = t('call.channel.platform');
  const labels = useMemo<[string, string]>(() => [callee, platform], [callee, platform]);

  // While playing, follow the audio clock every frame so the playhead moves smoothly (timeupdate fires ~4 times a second).
  useEffect(() => {
    if (!playing) return;
    let frame = requestAnimationFrame(function tick() {
      if (audioEl.current) setAt(audioEl.current.currentTime);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  function seek(seconds: number) {
    const el = audioEl.current;
    if (!el || !(total > 0)) return;
    const to = Math.min(total, Math.max(0, seconds));
    el.currentTime = to;
    setAt(to);
  }

  function toggle() {
    const el = audioEl.current;
    if (!el) return;
    if (el.paused) void el.play().catch(() => setPlaying(false));
    else el.pause();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? 5 : 1;
    const moves: Record<string, () => number> = {
      ArrowLeft: () => at - step,
      ArrowDown: () => at - step,
      ArrowRight: () => at + step,
      ArrowUp: () => at + step,
      PageDown: () => at - 10,
      PageUp: () => at + 10,
      Home: () => 0,
      End: () => total,
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      seek(move());
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      toggle();
    }
  }

  function onPointer(e: PointerEvent<HTMLDivElement>) {
    if (e.type === 'pointermove' && e.buttons !== 1) return;
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width > 0) seek(((e.clientX - box.left) / box.width) * total);
  }

  const fraction = total > 0 ? Math.min(1, at / total) : 0;
  return (
    <div className="player">
      {loaded.audio ? (
        <div
          className="wave"
          role="slider"
          tabIndex={0}
          aria-label={t('call.waveform')}
          aria-valuemin={0}
          aria-valuemax={Math.round(total * 10) / 10}
          aria-valuenow={Math.round(at * 10) / 10}
          aria-valuetext={t('call.waveformValue', { at: duration(at), total: duration(total) })}
          onKeyDown={onKeyDown}
          onPointerDown={onPointer}
          onPointerMove={onPointer}
        >
          <Waveform audio={loaded.audio} labels={labels} />
          <div className="playhead" style={{ left: `${fraction * 100}%` }} aria-hidden="true" />
        </div>
      ) : (
        <p className="notice">{t('call.decodeFailed')}</p>
      )}
      <div className="player-controls">
        <Button variant="primary" onClick={toggle} aria-pressed={playing}>{playing ? t('call.pause') : t('call.play')}</Button>
        <span className="player-time" aria-live="off">{t('call.position', { at: duration(at), total: duration(total) })}</span>
        <span className="player-legend" aria-hidden="true">
          <span><i className="swatch" style={{ background: CALLEE_COLOUR }} />{t('call.channel.callee')}</span>
          <span><i className="swatch" style={{ background: PLATFORM_COLOUR }} />{t('call.channel.platform')}</span>
        </span>
        <a className="player-download" href={loaded.url} download={fileName}>{t('call.download')}</a>
      </div>
      <audio
        ref={audioEl}
        src={loaded.url}
        preload="auto"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => { setPlaying(false); setAt(total); }}
        onTimeUpdate={(e) => { if (!playing) setAt(e.currentTarget.currentTime); }}
        onLoadedMetadata={(e) => setMediaDuration(Number.isFinite(e.currentTarget.duration) ? e.currentTarget.duration : 0)}
      />
    </div>
  );
}

/**
 * The recording card. `onReload` asks the page for the call again: a failed download is most often an expired link,
 * and only a fresh QueryOutboundCallDetail gives a new one.
 */
export function RecordingPlayer({ callId, recordUrl, onReload }: { callId: string; recordUrl: string | undefined; onReload(): void }) {
  const { t } = useI18n();
  const [attempt, setAttempt] = useState(0);
  return (
    <section className="card" aria-labelledby="recording-title">
      <h2 id="recording-title">{t('call.recording')}</h2>
      {recordUrl ? (
        <Recording callId={callId} recordUrl={recordUrl} attempt={attempt} onRetry={() => { setAttempt((n) => n + 1); onReload(); }} />
      ) : (
        <p className="muted" data-testid="no-recording">{t('call.noRecording')}</p>
      )}
    </section>
  );
}

function Recording({ callId, recordUrl, attempt, onRetry }: { callId: string; recordUrl: string; attempt: number; onRetry(): void }) {
  const { t } = useI18n();
  const { loaded, error } = useRecording(recordUrl, attempt);
  if (error !== undefined) return <ErrorBox error={error} title={t('call.recordingFailed')} onRetry={onRetry} />;
  if (!loaded) return <Spinner label={t('call.recordingLoading')} />;
  return (
    <>
      <Player loaded={loaded} fileName={`${callId.replace(/[^\w.-]+/g, '_')}.wav`} />
      <p className="muted small">{t('call.linkNote')}</p>
    </>
  );
}
