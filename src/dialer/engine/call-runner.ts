/**
 * Dials claimed recipients: resolve each number, check the do-not-call list, write the origination marks (which
 * also enforce per-callee frequency caps), hand each call to the carrier and settle its outcome. A claim's calls are
 * prepared together, so the list lookup and the marks are one query and one transaction for all of them, and the
 * outcomes go through a group-commit batcher.
 */
import type { AttemptCompletion, Claim, CalleeLimit, CampaignStore, OriginationRequest, OriginationResult } from '../../ports/campaign-store.js';
import type { Clock } from '../../ports/clock.js';
import type { CallOutcome, Telephony } from '../../ports/telephony.js';
import type { CallAnalysis, FlowReport } from '../../core/calls/dialog.js';
import type { RecordingSession } from '../../flows/recording-session.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { ResolvedNumber } from '../../core/numbers/number-directory.js';
import type { EncryptionType } from '../../core/numbers/encryption-type.js';
import type { SubscribedTypes } from '../../core/receipts/receipt-records.js';
import { calleeKey } from '../../core/numbers/number-hash.js';
import { ClaimedCall, type CallEvents, type Prepared } from './claimed-call.js';
import type { TaskRuntime } from './task-runtime.js';
import { WriteBatcher, type WriteBatcherOptions } from './write-batcher.js';

/** What the runner needs; wired by the Dialer. */
export interface CallRunnerDeps {
  store: CampaignStore;
  telephony: Telephony;
  clock: Clock;
  resolveNumber(accountId: string, number: string, encryptionType: EncryptionType): Promise<ResolvedNumber>;
  /** The flow an answered call runs, on a session that records the dialog. */
  flowFor(task: TaskRecord, variables: Readonly<Record<string, string>>): (session: RecordingSession) => Promise<void>;
  /**
   * The post-call analysis of an answered call, stored with its outcome; when absent (or when it fails) the dialog is
   * stored with what the flow itself reported (basicAnalysis).
   */
  analyze?(task: TaskRecord, report: FlowReport, outcome: CallOutcome): Promise<CallAnalysis>;
  calleeLimits: readonly CalleeLimit[];
  /** How long a capped recipient waits before it is tried again. */
  cappedDelayMs: number;
  /**
   * The account's receipt subscriptions (the in-memory cache, receipt-subscriptions.ts), asked once per mark and
   * outcome; undefined for an account that takes none, whose calls then write no receipts. Absent: no receipts.
   */
  receiptTypes?(accountId: string): SubscribedTypes | undefined;
  onError(err: unknown, context: string): void;
}

/** A claim and the caller line it goes out on. */
export interface LineClaim {
  claim: Claim;
  line: string;
}

/**
 * Runs claims to their end. Each call reports twice through the claim group's CallEvents: `lineFree` as soon as the
 * carrier says the call is over (its slot may be reused at once), `done` when its outcome is written (the write may
 * wait for its group).
 */
export class CallRunner {
  private readonly outcomes: WriteBatcher<AttemptCompletion, boolean>;
  private readonly writeOutcome: (completion: AttemptCompletion) => Promise<boolean>;

  constructor(private readonly deps: CallRunnerDeps, outcomeBatching: WriteBatcherOptions) {
    this.outcomes = new WriteBatcher((items) => deps.store.completeAttempts(items), deps.clock, outcomeBatching);
    this.writeOutcome = (completion) => this.outcomes.write(completion);
  }

  /** Dials the claims of one task; never throws (failures go to onError, and every call still reports `done`). */
  runAll(task: TaskRecord, runtime: TaskRuntime, claims: readonly LineClaim[], events: CallEvents): void {
    const calls = claims.map(({ claim, line }) => new ClaimedCall(this.deps, this.writeOutcome, task, runtime, events, claim, line));
    this.prepareAll(task, claims).then(
      (steps) => steps.forEach((step, i) => calls[i]!.proceed(step)),
      (err: unknown) => calls.forEach((call) => call.abandon(err)),
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
    const request: OriginationRequest = { attemptId: claim.attempt.id, at: this.deps.clock.now(), callerNumber: line, calleeKey: calleeKey(resolved.plain), calleeLimits: this.deps.calleeLimits };
    const receipts = this.deps.receiptTypes?.(claim.detail.accountId);
    if (receipts) request.receipts = receipts;
    return request;
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

  private fail(claim: Claim, reason: string): Promise<boolean> {
    return this.outcomes.write({
      attemptId: claim.attempt.id,
      outcome: { callResult: null, failedReason: reason, endedAt: this.deps.clock.now() },
      next: { state: 5 },
    });
  }
}
