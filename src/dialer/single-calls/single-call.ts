/**
 * One call placed outside campaigns (LlmSmartCall, ...), as the carrier's listener: runs its flow on a recording
 * session when answered, and when the carrier reports the end writes the outcome and the dialog in one transaction.
 */
import { basicAnalysis, type CallAnalysis, type FlowReport } from '../../core/calls/dialog.js';
import { RecordingSession } from '../../flows/recording-session.js';
import type { CallSession } from '../../ports/call-session.js';
import type { CallDialogRecord, ConversationStore } from '../../ports/conversation-store.js';
import type { CallListener, CallOutcome } from '../../ports/telephony.js';

/** What a single call runs and reports to. */
export interface SingleCallContext {
  accountId: string;
  callId: string;
  store: Pick<ConversationStore, 'endSingleCall'>;
  clock: { now(): number };
  /** The flow of the answered call. */
  flow: (session: RecordingSession) => Promise<void>;
  /** The post-call analysis; the flow's own report (basicAnalysis) when absent or failing. */
  analyze?: (report: FlowReport, outcome: CallOutcome) => Promise<CallAnalysis>;
  onError(err: unknown, context: string): void;
  /** Called once the call's end is written (or failed to be): the service forgets it. */
  onSettled(): void;
}

/** The listener of one single call; see the module comment. */
export class SingleCall implements CallListener {
  private session: RecordingSession | undefined;
  private over = false;

  constructor(private readonly ctx: SingleCallContext) {}

  /** The answered call's session, while it is live. */
  get liveSession(): RecordingSession | undefined {
    return this.over ? undefined : this.session;
  }

  /** Ringing needs nothing. */
  ringing(): void {}

  /** Runs the flow on a recording session. */
  answered(session: CallSession, at: number): Promise<void> {
    this.session = new RecordingSession(session, this.ctx.clock, at);
    return this.ctx.flow(this.session);
  }

  /** Writes the end, with the dialog when the call was answered. */
  ended(outcome: CallOutcome): void {
    if (this.over) return;
    this.over = true;
    this.settle(outcome)
      .catch((err: unknown) => this.ctx.onError(err, `ending single call ${this.ctx.callId}`))
      .finally(() => this.ctx.onSettled());
  }

  private async settle(outcome: CallOutcome): Promise<void> {
    const dialog = this.session ? await this.dialogOf(this.session.report(), outcome) : undefined;
    await this.ctx.store.endSingleCall(
      this.ctx.accountId,
      this.ctx.callId,
      {
        callResult: outcome.result,
        statusCode: outcome.statusCode,
        endedAt: outcome.endAt,
        durationSeconds: Math.round(outcome.durationMs / 1000),
        ...(outcome.ringAt !== undefined ? { ringAt: outcome.ringAt } : {}),
        ...(outcome.answerAt !== undefined ? { answerAt: outcome.answerAt, hangupDirection: outcome.hangupBy === 'callee' ? 'user' : 'robot' } : {}),
        ...(outcome.failureReason !== undefined ? { failedReason: outcome.failureReason } : {}),
      },
      dialog,
    );
  }

  private async dialogOf(report: FlowReport, outcome: CallOutcome): Promise<CallDialogRecord> {
    let analysis: CallAnalysis;
    try {
      analysis = this.ctx.analyze ? await this.ctx.analyze(report, outcome) : basicAnalysis(report);
    } catch (err) {
      this.ctx.onError(err, `analysing single call ${this.ctx.callId}`);
      analysis = basicAnalysis(report);
    }
    return {
      callId: this.ctx.callId, accountId: this.ctx.accountId, turns: report.turns, analysis, createdAt: outcome.endAt,
      ...(outcome.recording ? { recording: outcome.recording } : {}),
    };
  }
}
