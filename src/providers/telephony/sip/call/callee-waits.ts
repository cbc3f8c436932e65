/**
 * How a SipCallSession waits for the callee: what the callee does (keys, speech, barge-in) is broadcast to whoever
 * waits right now, and each wait ends with its own answer, with its timer's answer, or with CallHungUpError when the
 * call ends first. Kept apart from the session so the session reads as the flow operations only.
 */
import { CallHungUpError, type Hangup } from '../../../../ports/call-session.js';

/** What the callee did, as the session's waits see it. */
export type CalleeInput =
  | { kind: 'dtmf' }
  | { kind: 'speech-start' }
  | { kind: 'barge-in' }
  | { kind: 'utterance'; pcm: Int16Array; bargedIn: boolean };

/** Re-arms a wait's timer: after `ms` the wait resolves with `fire()`. */
export type Arm<T> = (ms: number, fire: () => T) => void;

/** The waits of one session. */
export class CalleeWaits {
  private readonly listeners = new Set<(input: CalleeInput) => void>();
  private readonly endWaiters = new Set<(hangup: Hangup) => void>();

  /** Tells every listener; a listener may remove itself meanwhile. */
  emit(input: CalleeInput): void {
    for (const listener of [...this.listeners]) listener(input);
  }

  /** Listens to inputs until the returned function is called (a prompt's barge-in watch). */
  watch(listener: (input: CalleeInput) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The call ended: every wait rejects with CallHungUpError. */
  end(hangup: Hangup): void {
    for (const waiter of [...this.endWaiters]) waiter(hangup);
  }

  /** Waits: `onInput` returns the answer or undefined to go on; `onTimeout` answers when time runs out. */
  wait<T>(timeoutMs: number, onTimeout: () => T, onInput: (input: CalleeInput, arm: Arm<T>) => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = (finish: () => void): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        this.endWaiters.delete(onEnd);
        finish();
      };
      const arm: Arm<T> = (ms, fire) => {
        clearTimeout(timer);
        timer = setTimeout(() => settle(() => resolve(fire())), Math.max(0, ms));
      };
      const listener = (input: CalleeInput): void => {
        const answer = onInput(input, arm);
        if (answer !== undefined) settle(() => resolve(answer));
      };
      const onEnd = (hangup: Hangup): void => settle(() => reject(new CallHungUpError(hangup)));
      this.listeners.add(listener);
      this.endWaiters.add(onEnd);
      arm(timeoutMs, onTimeout);
    });
  }
}
