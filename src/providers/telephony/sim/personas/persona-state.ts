/**
 * What a persona remembers during one call — prompts heard, silences in a row, whether it has decided to leave —
 * and the limits that end the call whatever the words: patience, silence, a reply that said goodbye. Shared by
 * the keyword and the LLM-played callee so both keep the persona's habits.
 */
import type { Random } from '../prng.js';
import type { CalleeAction, CalleeCue } from '../sim-callee.js';
import type { Persona, PersonaReply } from './persona-format.js';
import { pickText, thinkMs } from './persona-rules.js';

/** One call's memory of a persona; see the module comment. */
export class PersonaState {
  /** Prompts heard so far; the current prompt's 1-based number once `hear` counted it. */
  prompts = 0;
  /** Silent waits in a row since the last prompt. */
  silences = 0;
  /** Said its last words: hangs up at the next cue. */
  private leaving = false;

  constructor(
    private readonly persona: Persona,
    private readonly random: Random,
  ) {}

  /** Counts the cue in; returns the hang-up the persona's limits force now, if any. */
  hear(cue: CalleeCue): CalleeAction | undefined {
    if (cue.kind === 'prompt') {
      this.prompts++;
      this.silences = 0;
    } else {
      this.silences++;
    }
    const { patienceTurns, onSilence } = this.persona;
    const fedUp =
      this.leaving ||
      (cue.kind === 'prompt' && patienceTurns !== undefined && this.prompts > patienceTurns) ||
      (cue.kind === 'silence' && onSilence.hangupAfter !== undefined && this.silences >= onSilence.hangupAfter);
    // Hanging up takes a moment's thought too, so on a prompt it usually lands mid-sentence, as people do.
    return fedUp ? { kind: 'hangup', afterMs: thinkMs(this.persona, this.random) } : undefined;
  }

  /** What the persona says into the current silence: its "喂？" while it still bothers, else nothing. */
  silenceReply(): PersonaReply {
    const { say, sayTimes } = this.persona.onSilence;
    return say !== undefined && this.silences <= sayTimes ? { say } : { silence: true };
  }

  /** The reply as an action at `afterMs`; a reply that also hangs up makes the next cue a hang-up. */
  perform(reply: PersonaReply, afterMs: number): CalleeAction {
    if (reply.hangup && (reply.say !== undefined || reply.dtmf !== undefined)) this.leaving = true;
    if (reply.say !== undefined) return { kind: 'say', text: pickText(reply.say, this.random), afterMs };
    if (reply.dtmf !== undefined) return { kind: 'dtmf', digits: reply.dtmf, afterMs };
    if (reply.hangup) return { kind: 'hangup', afterMs };
    return { kind: 'silence' };
  }

  /** Marks the persona as leaving (an LLM said its goodbye): the next cue hangs up. */
  leave(): void {
    this.leaving = true;
  }
}
