/**
 * The simulated person on the other end of a simulated call. The session tells it what it hears (a prompt, or
 * nothing for a while) and it answers with what it does next and when: speak, press keys, stay silent or hang up.
 * An action that starts before the prompt it reacts to has finished is an interruption (barge-in).
 * Personas (keyword-scripted, LLM-driven) implement this; the silent callee is the default.
 */

/** What the callee just heard, or that it heard nothing. */
export type CalleeCue =
  /** Our side started a prompt lasting `durationMs` of talk time; `text` is empty for a voice file (`mediaId`). */
  | { kind: 'prompt'; text: string; durationMs: number; mediaId?: string }
  /** We waited `waitedMs` and the callee said nothing; it may now speak up ("喂？") or give up. */
  | { kind: 'silence'; waitedMs: number };

/** What the callee does next; `afterMs` counts from the start of the cue (a prompt's first word). */
export type CalleeAction =
  | { kind: 'say'; text: string; afterMs: number }
  | { kind: 'dtmf'; digits: string; afterMs: number }
  | { kind: 'hangup'; afterMs: number }
  | { kind: 'silence' };

/** A simulated person; one instance per call, so it may keep the conversation's state. */
export interface SimCallee {
  /** Reacts to a cue; may take time (an LLM-driven callee), which the session does not count as talk time. */
  react(cue: CalleeCue): CalleeAction | Promise<CalleeAction>;
}

/** Says nothing and never hangs up: the callee of a call whose persona has nothing to say. */
export const SILENT_CALLEE: SimCallee = { react: () => ({ kind: 'silence' }) };

/** Picks the callee of each answered call (the persona catalog); called once per answered call. */
export type CalleeChooser = (call: { accountId: string; callee: string; callId: string; variables: Readonly<Record<string, string>> }) => SimCallee;

/** Plays back a fixed list of actions, one per cue, then stays silent: for tests and scripted demos. */
export class ScriptedCallee implements SimCallee {
  private next = 0;

  constructor(private readonly actions: readonly CalleeAction[]) {}

  /** The next action of the list, whatever the cue. */
  react(): CalleeAction {
    return this.actions[this.next++] ?? { kind: 'silence' };
  }
}
