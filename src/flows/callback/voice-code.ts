/**
 * What a SmartCall plays: VoiceCode and each reply's action_code are comma-separated lists mixing voice files (a
 * console voice id or a URL) and TTS items (`$name$`, filled from VoiceCodeParam / action_code_param). A voice file
 * is played with `session.play`, a TTS item spoken with `session.say`. Also maps the TtsStyle / TtsSpeed settings.
 */
import type { SayOptions } from '../../ports/call-session.js';
import { fillTemplate } from '../../core/templates.js';

/** One part of a prompt; `code` is the item as the customer wrote it (reported as current_media_code). */
export type PromptItem = { kind: 'media'; code: string } | { kind: 'tts'; code: string; text: string };

/** A prompt with how the callee may cut it. */
export interface Prompt {
  items: PromptItem[];
  /** Whether speech or keys may interrupt it (ActionCodeBreak / action_code_break / action_break). */
  breakable: boolean;
  /** Continuous speech that stops it for good and raises a `timebreak` event, ms; 0 = off. */
  timeBreakMs: number;
}

/** The items of a code list, and the TTS variables that had no value (spoken as empty). */
export interface BuiltItems {
  items: PromptItem[];
  missing: string[];
}

/** A `$name$` (or `${name}`) placeholder anywhere in an item makes it TTS text. */
const HAS_PLACEHOLDER = /\$\{[^}]+\}|\$[^$\s]+\$/u;

/** Splits a code list (text, or already split) into prompt items; TTS items that fill to nothing are dropped. */
export function promptItems(codes: string | readonly string[], params: Readonly<Record<string, string>>): BuiltItems {
  const list = typeof codes === 'string' ? codes.split(',') : codes;
  const items: PromptItem[] = [];
  const missing: string[] = [];
  for (const raw of list) {
    const code = raw.trim();
    if (code === '') continue;
    if (!HAS_PLACEHOLDER.test(code)) {
      items.push({ kind: 'media', code });
      continue;
    }
    const filled = fillTemplate(code, params);
    for (const name of filled.missing) if (!missing.includes(name)) missing.push(name);
    if (filled.text.trim() !== '') items.push({ kind: 'tts', code, text: filled.text });
  }
  return { items, missing };
}

/** The call's TTS settings (SmartCall TtsStyle, TtsSpeed). */
export interface TtsSettings {
  /** TtsStyle, handed to the TTS adapter as the voice name (xiaoyun, ruoxi, …). */
  style?: string;
  /** TtsSpeed, -200..200; 0 = normal. */
  speed?: number;
}

/** SayOptions for TTS items: the style as the voice, the speed as a rate factor. */
export function ttsOptions(tts: TtsSettings): Pick<SayOptions, 'voice' | 'speed'> {
  const speed = tts.speed !== undefined && tts.speed !== 0 ? speedFactor(tts.speed) : undefined;
  return { ...(tts.style ? { voice: tts.style } : {}), ...(speed !== undefined ? { speed } : {}) };
}

/**
 * Alibaba's speech-rate scale as a factor. Its TTS doc derives the rate r from the factor x as r = (1 − 1/x) / 0.001
 * above normal speed and r = (1 − 1/x) / 0.002 below (500 is 2x, −500 is 0.5x); inverted, and assuming SmartCall's
 * TtsSpeed (−200..200) uses that scale, 200 is 1.25x and −200 about 0.71x.
 */
export function speedFactor(rate: number): number {
  const r = Math.max(-200, Math.min(200, rate));
  return r >= 0 ? 1 / (1 - 0.001 * r) : 1 / (1 - 0.002 * r);
}
