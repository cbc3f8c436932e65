/**
 * Speaks a streamed answer sentence by sentence: each sentence goes to speech the moment it is complete, in order,
 * while the rest still streams in. Once the callee cuts a sentence short nothing more is spoken.
 */
import type { BrainTurn } from './agent-brain.js';
import { SentenceBuffer } from './sentence-buffer.js';

const ignore = (): void => {};

/** One answer's speech; see the module comment. */
export class SentenceSpeaker {
  /** The sentences handed to speech, in order (the last may have been cut). */
  readonly spoken: string[] = [];
  private readonly buffer = new SentenceBuffer();
  private queue: Promise<void> = Promise.resolve();
  private wasCut = false;
  private halted = false;

  constructor(private readonly turn: Pick<BrainTurn, 'say'>) {}

  /** True once the callee cut a sentence short. */
  get cut(): boolean {
    return this.wasCut;
  }

  /** Takes streamed text; complete sentences are queued for speech at once. */
  push(delta: string): void {
    for (const sentence of this.buffer.push(delta)) this.enqueue(sentence);
  }

  /** Queues what is left of the text and waits until everything queued was spoken (or cut). */
  finish(): Promise<void> {
    const rest = this.buffer.flush();
    if (rest !== '') this.enqueue(rest);
    return this.queue;
  }

  /** Abandons the answer: drops what was not yet spoken and waits for the sentence being spoken to end. */
  settle(): Promise<void> {
    this.halted = true;
    this.buffer.flush();
    return this.queue;
  }

  private enqueue(sentence: string): void {
    this.queue = this.queue.then(async () => {
      if (this.wasCut || this.halted) return;
      this.spoken.push(sentence);
      if (!(await this.turn.say(sentence))) this.wasCut = true;
    });
    // The queue is awaited by finish() or settle(); until then a failed sentence (the call ended) must not count as
    // an unhandled rejection.
    this.queue.catch(ignore);
  }
}
