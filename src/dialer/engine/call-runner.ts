/**
 * Dials claimed recipients: resolve each number, check the do-not-call list, write the origination marks (which
 * also enforce per-callee frequency caps), hand each call to the carrier and settle its outcome. A claim's calls are
 * prepared together, so the list lookup and the marks are one query and one transaction for all of them, and the
 * outcomes go through a group-commit batcher.
 */
import type { AttemptCompletion, Claim, CalleeLimit, CampaignStore, OriginationRequest, OriginationResult } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { CallSession } from '../../ports/call-session.js';
import type { Telephony } from '../../ports/telephony.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { ResolvedNumber } from '../../core/numbers/number-directory.js';
import type { EncryptionType } from '../../core/numbers/encryption-type.js';
import { calleeKey } from '../../core/numbers/number-hash.js';
import { attemptOutcome, settlement } from './settle.js';
import type { TaskRuntime } from './task-runtime.js';
import { WriteBatcher, type WriteBatcherOptions } from './write-batcher.js';

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

/** A claim and the caller line it goes out on. */
export interface LineClaim {
  claim: Claim;
  line: string;
}

/** What preparing a claim decided: dial this plain number, or it is already handled (`settled` ends with it). */
type Prepared = { dial: string } | { settled: Promise<unknown> };

/**
 * What a call needs once its claim is prepared. Only this is kept while the call runs (up to an hour): the claim's
 * full recipient and attempt records would be most of the memory a call in flight holds.
 */
interface CallJob {
  attemptId: string;
  callId: string;
  attemptNumber: number;
  accountId: string;
  line: string;
  variables: Readonly<Record<string, string>>;
}

function jobOf({ claim: { detail, attempt }, line }: LineClaim): CallJob {
  return { attemptId: attempt.id, callId: attempt.callId, attemptNumber: attempt.attemptNumber, accountId: detail.accountId, line, variables: detail.variables };
}

/**
 * Runs claims to their end. Each call reports twice: `onLineFree` as soon as the carrier says the call is over (its
 * slot may be reused at once), and its promise when the outcome is written (the write may wait for its group).
 */
export class CallRunner {
  private readonly outcomes: WriteBatcher<AttemptCompletion, boolean>;

  constructor(private readonly deps: CallRunnerDeps, outcomeBatching: WriteBatcherOptions) {
    this.outcomes = new WriteBatcher((items) => deps.store.completeAttempts(items), deps.clock, outcomeBatching);
  }

  /**
   * Dials the claims of one task; one promise per claim, which never rejects (failures go to onError).
   * `onLineFree(i)` is called once per claim, when call i no longer occupies its line.
   */
  runAll(task: TaskRecord, runtime: TaskRuntime, claims: readonly LineClaim[], onLineFree: (index: number) => void): Promise<void>[] {
    const prepared = this.prepareAll(task, claims);
    return claims.map((lc, i) => this.runOne(task, runtime, jobOf(lc), prepared.then((steps) => steps[i]!), once(() => onLineFree(i))));
  }

  /**
   * One call of a claim once prepared. A chain of continuations rather than an async function, so a call in flight
   * holds no suspended frame here; and its own scope, so a finished call does not keep its claim's others alive.
   */
  private runOne(task: TaskRecord, runtime: TaskRuntime, job: CallJob, prepared: Promise<Prepared>, lineFree: () => void): Promise<void> {
    return prepared
      .then((step) => ('dial' in step ? this.dial(task, runtime, job, step.dial, lineFree) : step.settled))
      .then(
        () => lineFree(),
        (err: unknown) => {
          lineFree();
          this.deps.onError(err, `attempt ${job.attemptId}`);
        },
      );
  }

  /** Resolves the numbers, checks the do-not-call list and writes the origination marks of every claim. */
  private async prepareAll(task: TaskRecord, claims: readonly LineClaim[]): Promise<Prepared[]> {
    const { store, clock } = this.deps;
    const resolved = await Promise.all(claims.map(({ claim: { detail } }) => this.deps.resolveNumber(detail.accountId, detail.number, detail.encryptionType)));
    const plains = resolved.flatMap((r) => (r.ok ? [r.plain] : []));
    const blocked = await store.findDoNotCall(task.accountId, plains);
    const steps: (Prepared | undefined)[] = resolved.map((r, i) => {
      if (!r.ok) return { settled: this.fail(claims[i]!.claim, r.reason) };
      if (blocked.has(r.plain)) return { settled: this.fail(claims[i]!.claim, 'the number is on the account do-not-call list') };
      return undefined;
    });
    const toMark = claims.flatMap((lc, i) => (steps[i] ? [] : [{ i, request: this.originationOf(lc, resolved[i] as { plain: string }) }]));
    const marks = await this.markAll(toMark.map((m) => m.request));
    toMark.forEach(({ i, request }, k) => {
      const mark = marks[k]!;
      if (mark === 'originated') steps[i] = { dial: (resolved[i] as { plain: string }).plain };
      else if (mark === 'capped') steps[i] = { settled: store.releaseClaim(request.attemptId, clock.now(), clock.now() + this.deps.cappedDelayMs) };
      else steps[i] = { settled: Promise.resolve() };
    });
    return steps as Prepared[];
  }

  private originationOf({ claim, line }: LineClaim, resolved: { plain: string }): OriginationRequest {
    return { attemptId: claim.attempt.id, at: this.deps.clock.now(), callerNumber: line, calleeKey: calleeKey(resolved.plain), calleeLimits: this.deps.calleeLimits };
  }

  /**
   * One transaction for the group; when it fails, each mark alone, so one bad row costs only its own call. A mark
   * that still fails is treated as lost: the claim is not dialed, and lease recovery puts it back in the queue.
   */
  private async markAll(requests: OriginationRequest[]): Promise<(OriginationResult | 'failed')[]> {
    const { store } = this.deps;
    try {
      return await store.markOriginatedMany(requests);
    } catch (err) {
      if (requests.length === 1) throw err;
      const marks: (OriginationResult | 'failed')[] = [];
      for (const request of requests) {
        marks.push(await store.markOriginatedMany([request]).then(([m]) => m!, (e: unknown) => (this.deps.onError(e, `marking attempt ${request.attemptId}`), 'failed' as const)));
      }
      return marks;
    }
  }

  /** Resolves when the call's outcome is written. Not async: one suspended frame less for every call in flight. */
  private dial(task: TaskRecord, runtime: TaskRuntime, job: CallJob, callee: string, lineFree: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const settle = async (outcome: Parameters<typeof attemptOutcome>[0]) => {
        lineFree();
        try {
          const row = attemptOutcome(outcome);
          const next = settlement(job.attemptNumber, row.callResult, row.endedAt, runtime.retry);
          await this.outcomes.write({ attemptId: job.attemptId, outcome: row, next });
        } catch (err) {
          this.deps.onError(err, `settling attempt ${job.attemptId}`);
        } finally {
          resolve();
        }
      };
      const flow = this.deps.flowFor(task, job.variables);
      this.deps.telephony
        .originate(
          { attemptId: job.attemptId, callId: job.callId, accountId: job.accountId, caller: job.line, callee, attempt: job.attemptNumber, variables: job.variables },
          { ringing: () => {}, answered: (session) => flow(session), ended: (outcome) => void settle(outcome) },
        )
        .catch(async (err: unknown) => {
          // The carrier refused the dial outright; the mark is written, so this attempt is over (retry policy decides).
          await settle({ result: 'OTHERS', statusCode: '999999', endAt: this.deps.clock.now(), durationMs: 0, hangupBy: 'system', failureReason: `dial failed: ${String(err)}` });
        });
    });
  }

  private fail(claim: Claim, reason: string): Promise<boolean> {
    return this.outcomes.write({
      attemptId: claim.attempt.id,
      outcome: { callResult: null, failedReason: reason, endedAt: this.deps.clock.now() },
      next: { state: 5 },
    });
  }
}

/** `fn`, callable many times but run only the first. */
function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    fn();
  };
}
