/**
 * The crash-safety mark (issue 3 item 3): an attempt is marked originated, and its callee call logged against the
 * frequency caps, before the dial leaves. A dialer marks a whole claim's calls at once, in one transaction.
 */
import type { Kysely } from 'kysely';
import type { CalleeCall, OriginationRequest, OriginationResult } from '../ports/campaign-store.js';
import { CalleeStarts, insertCalleeCalls } from './callee-log-queries.js';
import { lockOpenAttempts, type OpenAttempt } from './open-attempts.js';
import { writeAttemptReceipts } from './receipt-call-facts.js';
import type { Database } from './schema.js';

/**
 * An expired lease may already be recovered by another process; dialing now could dial a recipient twice.
 */
function leaseHeld(detail: OpenAttempt['detail'], at: number): boolean {
  return detail.lease_expires_at !== null && Number(detail.lease_expires_at) > at;
}

/**
 * Marks each attempt originated and logs its callee call, in request order and in one transaction: 'lost' when the
 * claim is no longer the attempt's (or it was marked before), 'capped' when a callee limit is reached (nothing is
 * written for it), else 'originated'.
 */
export async function markOriginatedMany(db: Kysely<Database>, requests: readonly OriginationRequest[]): Promise<OriginationResult[]> {
  if (requests.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const open = await lockOpenAttempts(trx, requests.map((r) => r.attemptId));
    const checks = requests.map((r) => ({ accountId: open.get(r.attemptId)?.attempt.account_id ?? '', calleeKey: r.calleeKey, at: r.at, limits: r.calleeLimits ?? [] }));
    const starts = await CalleeStarts.load(trx, checks.filter((c) => c.accountId !== ''));
    const logged: CalleeCall[] = [];
    // Marks sharing a time and caller line (a claim dialed at once) are one UPDATE.
    const marks = new Map<string, { at: number; callerNumber: string; ids: string[] }>();
    const results = requests.map((request, i): OriginationResult => {
      const found = open.get(request.attemptId);
      if (!found || found.attempt.originated_at !== null || !leaseHeld(found.detail, request.at)) return 'lost';
      const check = checks[i]!;
      if (!starts.allows(check)) return 'capped';
      const call = { accountId: check.accountId, calleeKey: request.calleeKey, startedAt: request.at, attemptId: request.attemptId };
      starts.add(call);
      logged.push(call);
      open.delete(request.attemptId); // the same attempt twice in one group is marked once
      const key = `${request.at}\u0000${request.callerNumber}`;
      const mark = marks.get(key) ?? { at: request.at, callerNumber: request.callerNumber, ids: [] };
      mark.ids.push(request.attemptId);
      marks.set(key, mark);
      return 'originated';
    });
    for (const mark of marks.values()) {
      await trx.updateTable('call_attempts').set({ originated_at: mark.at, caller_number: mark.callerNumber }).where('id', 'in', mark.ids).execute();
    }
    await insertCalleeCalls(trx, logged);
    // The 200101 receipts of accounts that take them commit with the marks they report.
    const receipts = requests.flatMap((r, i) => (r.receipts && results[i] === 'originated' ? [{ attemptId: r.attemptId, subscribed: r.receipts, at: r.at }] : []));
    if (receipts.length > 0) await writeAttemptReceipts(trx, receipts);
    return results;
  });
}
