/**
 * Dials one claimed recipient: resolve the number, check the do-not-call list, write the origination mark (which
 * also enforces per-callee frequency caps), hand the call to the carrier and settle the outcome.
 */
import type { Claim, CalleeLimit, CampaignStore } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { CallSession } from '../../ports/call-session.js';
import type { Telephony } from '../../ports/telephony.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { ResolvedNumber } from '../../core/numbers/number-directory.js';
import type { EncryptionType } from '../../core/numbers/encryption-type.js';
import { calleeKey } from '../../core/numbers/number-hash.js';
import { attemptOutcome, settlement } from './settle.js';
import type { TaskRuntime } from './task-runtime.js';

/** What the runner needs; wired by the Dialer. */
export interface CallRunnerDeps {
  store: CampaignStore;
  telephony: Telephony;
  clock: Clock;
  resolveNumber(accountId: string, number: string, encryptionType: EncryptionType): Promise<ResolvedNumber>;
  /** The flow an answered call runs. */
  flowFor(task: TaskRecord, variables: Readonly<Record<string, string>>): (session: CallSession) => Promise<void>;
  calleeLimits: readonly CalleeLimit[];
  /** How long a capped recipient waits before it is tried again. */
  cappedDelayMs: number;
  onError(err: unknown, context: string): void;
}

/** Runs claims to their end; `run` resolves when the call (or the refusal) is settled. */
export class CallRunner {
  constructor(private readonly deps: CallRunnerDeps) {}

  /** Dials the claim on `line`; never throws (failures are reported through onError and settle the attempt). */
  async run(task: TaskRecord, runtime: TaskRuntime, claim: Claim, line: string): Promise<void> {
    const { store, clock } = this.deps;
    const { detail, attempt } = claim;
    try {
      const resolved = await this.deps.resolveNumber(detail.accountId, detail.number, detail.encryptionType);
      if (!resolved.ok) return await this.fail(claim, resolved.reason);
      if ((await store.findDoNotCall(detail.accountId, [resolved.plain])).size > 0) {
        return await this.fail(claim, 'the number is on the account do-not-call list');
      }
      const mark = await store.markOriginated({
        attemptId: attempt.id, at: clock.now(), callerNumber: line, calleeKey: calleeKey(resolved.plain), calleeLimits: this.deps.calleeLimits,
      });
      if (mark === 'capped') {
        await store.releaseClaim(attempt.id, clock.now(), clock.now() + this.deps.cappedDelayMs);
        return;
      }
      if (mark === 'lost') return;
      await this.dial(task, runtime, claim, line, resolved.plain);
    } catch (err) {
      this.deps.onError(err, `attempt ${attempt.id}`);
    }
  }

  private async dial(task: TaskRecord, runtime: TaskRuntime, claim: Claim, line: string, callee: string): Promise<void> {
    const { detail, attempt } = claim;
    const ended = new Promise<void>((resolve) => {
      const settle = async (outcome: Parameters<typeof attemptOutcome>[0]) => {
        try {
          const row = attemptOutcome(outcome);
          const next = settlement(attempt.attemptNumber, row.callResult, row.endedAt, runtime.retry);
          await this.deps.store.completeAttempt({ attemptId: attempt.id, outcome: row, next });
        } catch (err) {
          this.deps.onError(err, `settling attempt ${attempt.id}`);
        } finally {
          resolve();
        }
      };
      const flow = this.deps.flowFor(task, detail.variables);
      this.deps.telephony
        .originate(
          { attemptId: attempt.id, callId: attempt.callId, accountId: detail.accountId, caller: line, callee, attempt: attempt.attemptNumber, variables: detail.variables },
          { ringing: () => {}, answered: (session) => flow(session), ended: (outcome) => void settle(outcome) },
        )
        .catch(async (err: unknown) => {
          // The carrier refused the dial outright; the mark is written, so this attempt is over (retry policy decides).
          await settle({ result: 'OTHERS', statusCode: '999999', endAt: this.deps.clock.now(), durationMs: 0, hangupBy: 'system', failureReason: `dial failed: ${String(err)}` });
        });
    });
    await ended;
  }

  private async fail(claim: Claim, reason: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.completeAttempt({
      attemptId: claim.attempt.id,
      outcome: { callResult: null, failedReason: reason, endedAt: now },
      next: { state: 5 },
    });
  }
}
