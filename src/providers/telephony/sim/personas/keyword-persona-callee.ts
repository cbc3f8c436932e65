/**
 * A simulated callee that plays one persona by its keyword rules. Everything it does is drawn from the random
 * stream it is given (the catalog seeds it from seed, number and call id), so a call replays exactly.
 */
import type { Random } from '../prng.js';
import type { CalleeAction, CalleeCue, SimCallee } from '../sim-callee.js';
import type { Persona } from './persona-format.js';
import { answerPrompt, promptDelayMs, thinkMs, type CompiledPersona } from './persona-rules.js';
import { PersonaState } from './persona-state.js';

/** One persona on one call; see the module comment. */
export class KeywordPersonaCallee implements SimCallee {
  private readonly state: PersonaState;

  constructor(
    private readonly compiled: CompiledPersona,
    private readonly random: Random,
  ) {
    this.state = new PersonaState(compiled.persona, random);
  }

  /** The persona being played. */
  get persona(): Persona {
    return this.compiled.persona;
  }

  /** The persona's reaction: a forced hang-up, its answer to silence, or the first matching rule's reply. */
  react(cue: CalleeCue): CalleeAction {
    const forced = this.state.hear(cue);
    if (forced) return forced;
    if (cue.kind === 'silence') return this.state.perform(this.state.silenceReply(), thinkMs(this.persona, this.random));
    const { rule, reply } = answerPrompt(this.compiled, cue, this.state.prompts);
    return this.state.perform(reply, promptDelayMs(this.persona, rule, cue.durationMs, this.random));
  }
}
