/**
 * One claimed call from its preparation to its written outcome, as one object. It is the carrier's CallListener
 * itself (methods on the prototype, no closures per call) and reports to the dialer through the claim group's
 * events, so a call in flight costs this object and the carrier's own state: a promise chain and a handful of
 * closures per call were most of the engine's memory at 10 000 calls in flight (docs/performance.md).
 */
import type { AttemptCompletion, Claim } from '../../ports/campaign-store.js';
import type { CallSession } from '../../ports/call-session.js';
import type { CallListener, CallOutcome } from '../../ports/telephony.js';
import type { CallDialogRecord } from '../../ports/conversation-store.js';
import { basicAnalysis, type CallAnalysis, type FlowReport } from '../../core/calls/dialog.js';
import { RecordingSession } from '../../flows/recording-session.js';
import type { TaskRecord } from '../../core/campaigns/campaign-records.js';
import type { CallRunnerDeps } from './call-runner.js';
import { attemptOutcome, settlement } from './settle.js';
import type { TaskRuntime } from './task-runtime.js';

/** What the dialer learns about the calls of one claim group. */
export interface CallEvents {
  /** The call no longer occupies its line: the carrier reported its end, or it was never dialed. Once per call. */
  lineFree(line: string): void;
  /** The call is settled (its outcome written, or its claim handed back) and its lease may lapse. Once per call. */
  done(detailId: string): void;
}

/** What preparing a claim decided: dial this plain number, or it is already handled (`settled` ends with it). */
export type Prepared = { dial: string } | { settled: Promise<unknown> };

/** Writes an outcome with others (the runner's group-commit batcher). */
export type OutcomeWriter = (completion: AttemptCompletion) => Promise<boolean>;

/** A claimed call; see the module comment. */
export class ClaimedCall implements CallListener {
  private readonly attemptId: string;
  private readonly callId: string;
  private readonly attemptNumber: number;
  private readonly accountId: string;
  private readonly detailId: string;
  private readonly variables: Readonly<Record<string, string>>;
  private lineHeld = true;
  /** The answered call's recording session, until its dialog is taken at the end. */
  private recording: RecordingSession | undefined;
  private ending = false;
  private finished = false;

  constructor(
    private readonly deps: CallRunnerDeps,
    private readonly writeOutcome: OutcomeWriter,
    private readonly task: TaskRecord,
    private readonly runtime: TaskRuntime,
    private readonly events: CallEvents,
    { detail, attempt }: Claim,
    private readonly line: string,
  ) {
    // Only what the call needs is kept: the claim's full recipient and attempt records are not.
    this.attemptId = attempt.id;
    this.callId = attempt.callId;
    this.attemptNumber = attempt.attemptNumber;
    this.accountId = detail.accountId;
    this.detailId = detail.id;
    this.variables = detail.variables;
  }

  /** Goes on as preparation decided: dial, or wait for the refusal to be settled. */
  proceed(step: Prepared): void {
    if ('dial' in step) this.dial(step.dial);
    else step.settled.then(() => this.finish(), (err: unknown) => this.finish(err));
  }

  /** Preparation failed for the whole claim: the call ends here; lease recovery puts the claim back in the queue. */
  abandon(err: unknown): void {
    this.finish(err);
  }

  /** The carrier: ringing needs nothing from the engine yet. */
  ringing(): void {}

  /** The carrier: the callee answered; the task's flow runs the conversation on a session that records it. */
  answered(session: CallSession, at: number): Promise<void> {
    const recording = new RecordingSession(session, this.deps.clock, at);
    this.recording = recording;
    return this.deps.flowFor(this.task, this.variables)(recording);
  }

  /** The carrier: the call is over. The line is free at once; the outcome joins the next group write. */
  ended(outcome: CallOutcome): void {
    if (this.ending) return;
    this.ending = true;
    this.freeLine();
    let completion: AttemptCompletion;
    try {
      const row = attemptOutcome(outcome);
      completion = { attemptId: this.attemptId, outcome: row, next: settlement(this.attemptNumber, row.callResult, row.endedAt, this.runtime.retry) };
      const receipts = this.deps.receiptTypes?.(this.accountId);
      if (receipts) completion.receipts = receipts;
    } catch (err) {
      return this.finish(err, 'settling');
    }
    const recording = this.recording;
    this.recording = undefined;
    let written: Promise<boolean>;
    if (!recording) written = this.writeOutcome(completion);
    else {
      const report = recording.report();
      // Without an analyser the dialog goes out in the same turn: no promise per call for an analysis that is not there.
      written = this.deps.analyze
        ? this.analysed(report, outcome).then((analysis) => this.writeOutcome(this.withDialog(completion, report, outcome, analysis)))
        : this.writeOutcome(this.withDialog(completion, report, outcome, basicAnalysis(report)));
    }
    written.then(() => this.finish(), (err: unknown) => this.finish(err, 'settling'));
  }

  /** The configured analysis; the flow's own report (basicAnalysis) when it fails. */
  private analysed(report: FlowReport, outcome: CallOutcome): Promise<CallAnalysis> {
    const analyze = this.deps.analyze as NonNullable<CallRunnerDeps['analyze']>;
    return analyze(this.task, report, outcome).catch((err: unknown) => {
      this.deps.onError(err, `analysing ${this.attemptId}`);
      return basicAnalysis(report);
    });
  }

  /** The completion with the dialog; the analysis's intent and turn count go onto the outcome. */
  private withDialog(completion: AttemptCompletion, report: FlowReport, outcome: CallOutcome, analysis: CallAnalysis): AttemptCompletion {
    const dialog: CallDialogRecord = {
      callId: this.callId, accountId: this.accountId, taskId: this.task.id, detailId: this.detailId, attemptId: this.attemptId,
      turns: report.turns, analysis, createdAt: outcome.endAt, ...(outcome.recording ? { recording: outcome.recording } : {}),
    };
    completion.outcome.majorIntent = analysis.majorIntent ?? null;
    completion.outcome.conversationTurnCount = analysis.turnCount;
    completion.dialog = dialog;
    return completion;
  }

  private dial(callee: string): void {
    const request = {
      attemptId: this.attemptId, callId: this.callId, accountId: this.accountId, caller: this.line, callee, attempt: this.attemptNumber, variables: this.variables,
    };
    // The carrier refusing the dial outright (a rejection, or a throw from a carrier that is not async) ends the
    // attempt: the mark is written, so the retry policy decides.
    const refused = (err: unknown) =>
      this.ended({ result: 'OTHERS', statusCode: '999999', endAt: this.deps.clock.now(), durationMs: 0, hangupBy: 'system', failureReason: `dial failed: ${String(err)}` });
    try {
      this.deps.telephony.originate(request, this).catch(refused);
    } catch (err) {
      refused(err);
    }
  }

  private freeLine(): void {
    if (!this.lineHeld) return;
    this.lineHeld = false;
    this.events.lineFree(this.line);
  }

  private finish(err?: unknown, doing = 'attempt'): void {
    if (this.finished) return;
    this.finished = true;
    this.freeLine();
    if (err !== undefined) this.deps.onError(err, `${doing} ${this.attemptId}`);
    this.events.done(this.detailId);
  }
}
