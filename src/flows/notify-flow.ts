/**
 * The voice-notification flow (dyvms SingleCallByTts, SingleCallByVoice, and a CallTask's notify template): play one
 * text or voice file PlayTimes times, then hang up. Also home of what every prompt-playing flow shares: what a prompt
 * is, and how dyvms' voice settings become the session's options.
 */
import { CallHungUpError, type CallSession, type PlaybackResult, type SayOptions } from '../ports/call-session.js';
import { fillTemplate } from '../core/templates.js';

/**
 * What a prompt plays: a text spoken by TTS (placeholders filled from `params`), or a stored voice file with, when
 * known, its length (which the simulated carrier plays for).
 */
export type PromptContent = { text: string; params?: Readonly<Record<string, string>> } | { mediaId: string; durationMs?: number };

/** dyvms voice settings, in the API's own units. */
export interface VoiceSettings {
  /** TTS voice name; the adapter's default when absent. */
  voice?: string;
  /** dyvms Speed, -500..500, 0 normal; see {@link ttsRate}. */
  speed?: number;
  /** dyvms Volume, 0..100 (default 100). */
  volume?: number;
}

/**
 * dyvms Speed (-500..500) as a speaking-rate factor, the way Alibaba's speech synthesis defines its speech_rate:
 * a positive speed s speaks 1 / (1 - s/1000) times as fast (500 -> 2x), a negative one 1 / (1 - s/500) times
 * (-500 -> 0.5x). Both halves meet at 1 for 0 and the mapping is monotonic; values outside the range are clamped.
 * aiccs TtsSpeed (-200..200) is the same scale, so agents use this too (200 -> 1.25x, -200 -> ~0.71x).
 */
export function ttsRate(speed: number | undefined): number {
  if (speed === undefined || !Number.isFinite(speed) || speed === 0) return 1;
  const s = Math.max(-500, Math.min(500, speed));
  return s > 0 ? 1 / (1 - s / 1000) : 1 / (1 - s / 500);
}

/** The session options of a prompt played with `settings`. */
export function sayOptionsOf(settings: VoiceSettings, bargeIn: boolean): SayOptions {
  const options: SayOptions = { speed: ttsRate(settings.speed), bargeIn };
  if (settings.voice !== undefined) options.voice = settings.voice;
  if (settings.volume !== undefined) options.volume = Math.max(0, Math.min(100, settings.volume));
  return options;
}

/** A prompt resolved for one call: the text to speak (or media id to play) and the placeholders that had no value. */
export interface ResolvedPrompt {
  text?: string;
  mediaId?: string;
  /** The voice file's length, when known. */
  mediaDurationMs?: number;
  missing: string[];
}

/** Fills a text prompt's placeholders: its own params first, then the recipient's variables. */
export function resolvePrompt(content: PromptContent, variables: Readonly<Record<string, string>>): ResolvedPrompt {
  if ('mediaId' in content) return { mediaId: content.mediaId, missing: [], ...(content.durationMs !== undefined ? { mediaDurationMs: content.durationMs } : {}) };
  const { text, missing } = fillTemplate(content.text, { ...variables, ...content.params });
  return { text, missing };
}

/** Plays a resolved prompt on the session; an empty text plays nothing and counts as played. */
export function playResolved(session: CallSession, prompt: ResolvedPrompt, options: SayOptions): Promise<PlaybackResult> {
  if (prompt.mediaId !== undefined) {
    const play = { ...(options.bargeIn !== undefined ? { bargeIn: options.bargeIn } : {}), ...(prompt.mediaDurationMs !== undefined ? { durationMs: prompt.mediaDurationMs } : {}) };
    return session.play(prompt.mediaId, play);
  }
  if (prompt.text === undefined || prompt.text.trim() === '') return Promise.resolve({ completed: true });
  return session.say(prompt.text, options);
}

/** The dyvms PlayTimes range, 1..3; absent or out of range is brought into it. */
export function clampPlayTimes(playTimes: number | undefined, fallback: number): number {
  const n = playTimes === undefined || !Number.isFinite(playTimes) ? fallback : Math.trunc(playTimes);
  return Math.max(1, Math.min(3, n));
}

/** Settings of a notification call. */
export interface NotifyOptions extends VoiceSettings {
  content: PromptContent;
  /** How many times the content is played, 1..3; default 3 as in SingleCallByTts. */
  playTimes?: number;
}

/** What happened on a notification call. */
export interface NotifyReport {
  /** Times the content was played to its end. */
  played: number;
  /** The text as spoken (placeholders filled); absent for a voice file. */
  spoken?: string;
  /** Placeholders that had no value; they were spoken as empty. */
  missing: string[];
  /** True when the call ended (the callee hung up) before the flow did. */
  endedEarly: boolean;
}

/**
 * Plays the content PlayTimes times back to back, without barge-in (a notification is heard whole), then hangs up.
 * A hang-up midway is reported, not thrown.
 */
export async function runNotify(session: CallSession, options: NotifyOptions): Promise<NotifyReport> {
  const prompt = resolvePrompt(options.content, session.variables);
  const times = clampPlayTimes(options.playTimes, 3);
  const sayOptions = sayOptionsOf(options, false);
  const report: NotifyReport = { played: 0, missing: prompt.missing, endedEarly: false, ...(prompt.text !== undefined ? { spoken: prompt.text } : {}) };
  try {
    for (let i = 0; i < times; i++) {
      const result = await playResolved(session, prompt, sayOptions);
      if (result.completed) report.played++;
    }
    await session.hangup();
  } catch (error) {
    if (!(error instanceof CallHungUpError)) throw error;
    report.endedEarly = true;
  }
  return report;
}
