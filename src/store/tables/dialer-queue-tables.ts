/**
 * Store layer for the database as the dialer's queue: claims, origination marks, outcomes, leases and tally
 * compaction. These are the engine's hot paths, so every method hands its arguments straight to the query module and
 * returns its promise; only the single-item forms wrap the group query.
 */
import type * as port from '../../ports/campaign-store.js';
import * as attemptQueries from '../attempt-queries.js';
import { claimDueDetails, extendLeases } from '../claim-queries.js';
import { compactTallies } from '../detail-tallies.js';
import { recoverExpiredLeases } from '../lease-recovery.js';
import { markOriginatedMany } from '../origination-queries.js';
import { CampaignTables } from './campaign-tables.js';

/** Claims, originations, completions and leases (see store-tables.ts for how the layers compose). */
export abstract class DialerQueueTables extends CampaignTables implements port.DialerQueueStore {
  /** Claims due details of a running task. */
  claimDueDetails(request: port.ClaimRequest): Promise<port.Claim[]> {
    return claimDueDetails(this.db, request);
  }

  /** The crash-safety mark, with the callee log and caps. */
  async markOriginated(request: port.OriginationRequest): Promise<port.OriginationResult> {
    return (await markOriginatedMany(this.db, [request]))[0]!;
  }

  /** Origination marks for a group of calls, in one transaction. */
  markOriginatedMany(requests: readonly port.OriginationRequest[]): Promise<port.OriginationResult[]> {
    return markOriginatedMany(this.db, requests);
  }

  /** Records an outcome and settles the detail. */
  async completeAttempt(completion: port.AttemptCompletion): Promise<boolean> {
    return (await attemptQueries.completeAttempts(this.db, [completion]))[0]!;
  }

  /** Outcomes of a group of attempts, in one transaction. */
  completeAttempts(completions: readonly port.AttemptCompletion[]): Promise<boolean[]> {
    return attemptQueries.completeAttempts(this.db, completions);
  }

  /** Gives back a claim never dialed. */
  releaseClaim(attemptId: string, at: number, dueAt: number): Promise<boolean> {
    return attemptQueries.releaseClaim(this.db, attemptId, at, dueAt);
  }

  /** Extends the owner's leases. */
  extendLeases(leaseOwner: string, detailIds: readonly string[], expiresAt: number): Promise<number> {
    return extendLeases(this.db, leaseOwner, detailIds, expiresAt);
  }

  /** Merges a task's detail-count deltas. */
  compactDetailTallies(taskId: string): Promise<void> {
    return compactTallies(this.db, taskId);
  }

  /** Recovers claims whose lease expired. */
  recoverExpiredLeases(now: number, limit?: number): Promise<port.LeaseRecovery> {
    return recoverExpiredLeases(this.db, now, limit);
  }
}
