/**
 * The prompts waiting to be sent on one call, as 8 kHz 16-bit PCM, cut into the 160-sample frames of the packet
 * ticks. Each prompt's promise settles when its last frame has been taken for sending ({completed: true}) or when
 * stop() dropped it ({completed: false}), which is how a barge-in ends a prompt early.
 *
 * A prompt's last frame is padded with silence rather than topped up from the next prompt, so every prompt starts on
 * a packet boundary and its end is the moment its own last packet goes out.
 */

/** How a prompt ended. */
export interface PlayResult {
  /** False when stop() cut it before all of it was sent. */
  completed: boolean;
}

interface QueuedPrompt {
  readonly pcm: Int16Array;
  /** Samples of it taken so far. */
  offset: number;
  readonly settle: (result: PlayResult) => void;
}

/** Prompts in playing order. */
export class PromptQueue {
  private readonly prompts: QueuedPrompt[] = [];

  /** Whether a prompt is being sent or waits to be. */
  get playing(): boolean {
    return this.prompts.length > 0;
  }

  /** Queues `pcm` after whatever plays; settles when it has all been taken, or was stopped. */
  enqueue(pcm: Int16Array): Promise<PlayResult> {
    if (pcm.length === 0) return Promise.resolve({ completed: true });
    return new Promise((settle) => this.prompts.push({ pcm, offset: 0, settle }));
  }

  /**
   * Fills `frame` with the next samples to send (padding with zeros after a prompt's end) and returns true, or
   * returns false and leaves `frame` alone when nothing plays.
   */
  take(frame: Int16Array): boolean {
    const prompt = this.prompts[0];
    if (!prompt) return false;
    const end = Math.min(prompt.pcm.length, prompt.offset + frame.length);
    frame.set(prompt.pcm.subarray(prompt.offset, end));
    frame.fill(0, end - prompt.offset);
    prompt.offset = end;
    if (end === prompt.pcm.length) {
      this.prompts.shift();
      prompt.settle({ completed: true });
    }
    return true;
  }

  /** Drops every queued prompt, the one playing included; each settles as not completed. */
  stop(): void {
    const dropped = this.prompts.splice(0);
    for (const prompt of dropped) prompt.settle({ completed: false });
  }
}
