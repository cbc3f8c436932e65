/**
 * Groups the nonce claims of one event-loop turn into a single statement. Every API request claims a
 * nonce, and one INSERT per request was the gateway's largest cost (docs/performance.md); one
 * multi-row INSERT … RETURNING per turn keeps the claim atomic in the database while paying the
 * statement overhead once for all requests in flight.
 */

/** One request's claim. */
export interface NonceClaim {
  accessKeyId: string;
  nonce: string;
  now: number;
  expiresAt: number;
}

/** Writes a batch of distinct claims; returns the keys (see claimKey) of those it recorded. */
export type ClaimMany = (claims: readonly NonceClaim[]) => Promise<ReadonlySet<string>>;

/** Identity of a claim inside a batch. */
export function claimKey(accessKeyId: string, nonce: string): string {
  return `${accessKeyId}\u0000${nonce}`;
}

interface Pending {
  claim: NonceClaim;
  resolve(claimed: boolean): void;
  reject(err: unknown): void;
}

/** Stays well under SQLite's and PostgreSQL's bound-parameter limits (3 per row). */
const MAX_BATCH = 500;

/** Collects claims and flushes them on the next turn of the event loop. */
export class NonceBatcher {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly claimMany: ClaimMany) {}

  /** Resolves true when this claim recorded the nonce, false when it was already taken. */
  claim(claim: NonceClaim): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ claim, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.pending.length > 0) void this.write(this.pending.splice(0, MAX_BATCH));
  }

  private async write(batch: Pending[]): Promise<void> {
    // The same nonce twice in one batch: the first is decided by the database, the rest are replays.
    const first = new Map<string, Pending>();
    for (const p of batch) {
      const key = claimKey(p.claim.accessKeyId, p.claim.nonce);
      if (!first.has(key)) first.set(key, p);
    }
    try {
      const recorded = await this.claimMany([...first.values()].map((p) => p.claim));
      for (const p of batch) {
        const key = claimKey(p.claim.accessKeyId, p.claim.nonce);
        p.resolve(first.get(key) === p && recorded.has(key));
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
