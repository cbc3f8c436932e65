/**
 * A simulated callee played by a chat model: it is cast as the persona (its description and typical lines) and
 * answers each cue with one short utterance, a key press, silence or a hang-up. The persona's habits still hold
 * whatever the model says — when it barges in, how long it thinks, its patience and its limit on silence — so a
 * model changes the words, not the shape of the call. The keyword persona runs alongside on every cue, so when
 * the model fails (down, slow, unreadable) its reaction to that same cue is used instead.
 */
import type { Llm, LlmMessage } from '../../../../ports/llm.js';
import type { Random } from '../prng.js';
import type { CalleeAction, CalleeCue, SimCallee } from '../sim-callee.js';
import type { KeywordPersonaCallee } from './keyword-persona-callee.js';
import type { Persona } from './persona-format.js';
import { cueMessage, moveText, parseLlmReply, systemPrompt, type LlmCalleeMove } from './llm-persona-prompt.js';
import { promptDelayMs, thinkMs } from './persona-rules.js';
import { PersonaState } from './persona-state.js';

/** Sampling temperature: varied enough that calls differ, low enough that the character holds. */
const TEMPERATURE = 0.8;
/** A short utterance needs few tokens; a cap keeps a rambling model cheap. */
const MAX_TOKENS = 60;

/** One persona on one call, played by a model; see the module comment. */
export class LlmPersonaCallee implements SimCallee {
  private readonly state: PersonaState;
  private readonly history: LlmMessage[];

  constructor(
    private readonly llm: Llm,
    private readonly fallback: KeywordPersonaCallee,
    private readonly random: Random,
  ) {
    this.state = new PersonaState(fallback.persona, random);
    this.history = [{ role: 'system', content: systemPrompt(fallback.persona) }];
  }

  /** The persona being played. */
  get persona(): Persona {
    return this.fallback.persona;
  }

  /** The model's reaction to the cue, timed by the persona; the keyword persona's when the model fails. */
  async react(cue: CalleeCue): Promise<CalleeAction> {
    const backup = this.fallback.react(cue);
    const forced = this.state.hear(cue);
    if (forced) return forced;
    this.history.push({ role: 'user', content: cueMessage(cue) });
    let move: LlmCalleeMove;
    try {
      const reply = await this.llm.complete({ messages: [...this.history], temperature: TEMPERATURE, maxTokens: MAX_TOKENS });
      move = parseLlmReply(reply.text);
    } catch {
      this.history.push({ role: 'assistant', content: moveText(backup) });
      return backup;
    }
    this.history.push({ role: 'assistant', content: moveText(move) });
    return this.act(move, cue);
  }

  /** The move as an action, timed like the keyword persona would time it. */
  private act(move: LlmCalleeMove, cue: CalleeCue): CalleeAction {
    const afterMs =
      cue.kind === 'prompt' ? promptDelayMs(this.persona, undefined, cue.durationMs, this.random) : thinkMs(this.persona, this.random);
    switch (move.kind) {
      case 'say':
        if (move.thenHangUp) this.state.leave();
        return { kind: 'say', text: move.text, afterMs };
      case 'dtmf':
        return { kind: 'dtmf', digits: move.digits, afterMs };
      case 'hangup':
        return { kind: 'hangup', afterMs };
      case 'silence':
        return { kind: 'silence' };
    }
  }
}
