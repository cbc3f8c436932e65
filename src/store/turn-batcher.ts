/**
 * Groups the calls of one event-loop turn into one database round: requests in flight at the same moment (many API
 * calls at once) then share one transaction, one commit and one multi-row statement instead of paying each alone.
 * The answers come back per call, in order. A failed round rejects every call of it, as each would have failed alone.
 */

/** Runs one round for `inputs` and returns one output per input, in the same order. */
export type RunMany<I, O> = (inputs: readonly I[]) => Promise<readonly O[]>;

interface Pending<I, O> {
  input: I;
  resolve(output: O): void;
  reject(err: unknown): void;
}

/** Collects calls and runs them on the next turn of the event loop, at most `maxBatch` per round. */
export class TurnBatcher<I, O> {
  private pending: Pending<I, O>[] = [];
  private scheduled = false;

  constructor(
    private readonly runMany: RunMany<I, O>,
    private readonly maxBatch: number,
  ) {}

  /** Resolves with this input's output once its round has run. */
  run(input: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.pending.length > 0) void this.round(this.pending.splice(0, this.maxBatch));
  }

  private async round(batch: Pending<I, O>[]): Promise<void> {
    try {
      const outputs = await this.runMany(batch.map((p) => p.input));
      if (outputs.length !== batch.length) throw new Error(`batch round answered ${outputs.length} of ${batch.length} calls`);
      batch.forEach((p, i) => p.resolve(outputs[i]!));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
