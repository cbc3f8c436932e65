/**
 * Plays a SmartCall prompt item by item and remembers how it went: when it began and ended, and where the callee
 * cut it. The session awaits each prompt, so a barge-in is known only once it has cut the prompt; the flow then asks
 * the customer whether the cut stands (`break`) or the prompt goes on (`continue`), and resumes it from the item that
 * was cut (smart-call-flow.ts explains this reading of the doc).
 */
import type { CallSession } from '../../ports/call-session.js';
import { ttsOptions, type Prompt, type TtsSettings } from './voice-code.js';

/** One playing of a prompt (or of its rest, after a resume). */
export interface Playback {
  prompt: Prompt;
  /** Clock time its first item began, epoch ms. */
  beganAt: number;
  /** Clock time it played out or was cut. */
  endedAt: number;
  /** Where the callee cut it: the item's index and the clock time (the start of the barge-in). */
  cut?: { index: number; at: number };
}

/** Plays prompts on one session. */
export class PromptPlayer {
  constructor(
    private readonly session: CallSession,
    private readonly now: () => number,
    private readonly tts: TtsSettings,
  ) {}

  /** Plays `prompt` from item `from` until its end or the first item the callee cuts. */
  async play(prompt: Prompt, from = 0): Promise<Playback> {
    const beganAt = this.now();
    const bargeIn = prompt.breakable;
    for (let index = from; index < prompt.items.length; index++) {
      const item = prompt.items[index]!;
      const result = item.kind === 'media'
        ? await this.session.play(item.code, { bargeIn })
        : await this.session.say(item.text, { bargeIn, ...ttsOptions(this.tts) });
      if (!result.completed) {
        const at = this.now();
        return { prompt, beganAt, endedAt: at, cut: { index, at } };
      }
    }
    return { prompt, beganAt, endedAt: this.now() };
  }
}
