/**
 * Groups the nonce claims of one event-loop turn into a single statement. Every API request claims a
 * nonce, and one INSERT per request was the gateway's largest cost (docs/performance.md); one
 * multi-row INSERT … RETURNING per turn keeps the claim atomic in the database while paying the
 * statement overhead once for all requests in flight.
 */
import { TurnBatcher } from './turn-batcher.js';

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

/** Stays well under SQLite's and PostgreSQL's bound-parameter limits (3 per row). */
const MAX_BATCH = 500;

/** Collects claims and writes them on the next turn of the event loop. */
export class NonceBatcher {
  private readonly turns: TurnBatcher<NonceClaim, boolean>;

  constructor(claimMany: ClaimMany) {
    this.turns = new TurnBatcher((claims) => claimDistinct(claimMany, claims), MAX_BATCH);
  }

  /** Resolves true when this claim recorded the nonce, false when it was already taken. */
  claim(claim: NonceClaim): Promise<boolean> {
    return this.turns.run(claim);
  }
}

/** The same nonce twice in one batch: the first is decided by the database, the rest are replays. */
async function claimDistinct(claimMany: ClaimMany, claims: readonly NonceClaim[]): Promise<boolean[]> {
  const first = new Map<string, NonceClaim>();
  for (const claim of claims) {
    const key = claimKey(claim.accessKeyId, claim.nonce);
    if (!first.has(key)) first.set(key, claim);
  }
  const recorded = await claimMany([...first.values()]);
  return claims.map((claim) => {
    const key = claimKey(claim.accessKeyId, claim.nonce);
    return first.get(key) === claim && recorded.has(key);
  });
}
