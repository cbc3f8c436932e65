/**
 * Calls placed one at a time, outside campaigns (LlmSmartCall, dyvms' single calls, IvrCall, SmartCall): recorded,
 * dialed at once through the carrier, their flow run on answer, their end and dialog written when the carrier reports
 * it. Live calls are known to this process only, so HangupOperate and SmartCallOperate reach the calls their own
 * process placed.
 */
import { DomainError } from '../../core/errors.js';
import type { CallAnalysis, FlowReport } from '../../core/calls/dialog.js';
import type { RecordingSession } from '../../flows/recording-session.js';
import type { Clock } from '../../ports/clock.js';
import type { ConversationStore } from '../../ports/conversation-store.js';
import type { CallOutcome, Telephony } from '../../ports/telephony.js';
import { SingleCall } from './single-call.js';

/** What the service is built from. */
export interface SingleCallDeps {
  store: ConversationStore;
  telephony: Telephony;
  clock: Clock;
  ids: { nextCallId(): string };
  onError(err: unknown, context: string): void;
  /** Told when a live call is asked to end after its prompt (GetCallInfo's Terminating). */
  onTerminating?(callId: string): void;
}

/** A command a live call accepts from outside its flow (SmartCallOperate's parallelBridge); false when refused. */
export type LiveCallCommand = (param: string | undefined) => boolean;

/** What became of a command sent to a call. */
export type CommandOutcome =
  | { done: true }
  /** The call is known but cannot take it: ended, not live in this process, of a kind without that command, or busy. */
  | { done: false; why: 'ended' | 'not-live' | 'unsupported' | 'refused'; kind: string };

/** One call to place. */
export interface SingleCallRequest {
  accountId: string;
  /** The action placing it, e.g. LlmSmartCall. */
  kind: string;
  caller: string;
  callee: string;
  outId?: string;
  /** What the flow runs from (an ApplicationCode, ...). */
  flowRef?: string;
  /** The request's flow parameters, stored with the call. */
  params: Record<string, unknown>;
  variables?: Readonly<Record<string, string>>;
  sessionTimeoutMs?: number;
  /** false: the carrier does not record this call (SmartCall's RecordFlag). */
  record?: boolean;
  flow: (session: RecordingSession) => Promise<void>;
  analyze?: (report: FlowReport, outcome: CallOutcome) => Promise<CallAnalysis>;
  /** Commands the call takes while live, by name. */
  commands?: Readonly<Record<string, LiveCallCommand>>;
}

interface LiveCall {
  accountId: string;
  kind: string;
  call: SingleCall;
  abort: AbortController;
  commands: Readonly<Record<string, LiveCallCommand>>;
}

/** The single-call service; see the module comment. */
export class SingleCalls {
  private readonly live = new Map<string, LiveCall>();
  private drainWaiters: (() => void)[] = [];

  constructor(private readonly deps: SingleCallDeps) {}

  /** Calls in progress in this process. */
  get activeCalls(): number {
    return this.live.size;
  }

  /** Records and dials the call; resolves with its call id once it is under way. */
  async place(request: SingleCallRequest): Promise<string> {
    const { store, clock, telephony } = this.deps;
    const callId = this.deps.ids.nextCallId();
    const { accountId, kind, caller, callee, outId, flowRef, params } = request;
    await store.insertSingleCall({ callId, accountId, kind, caller, callee, params, createdAt: clock.now(), ...(outId ? { outId } : {}), ...(flowRef ? { flowRef } : {}) });
    const abort = new AbortController();
    const call = new SingleCall({
      accountId, callId, store, clock, flow: request.flow, onError: this.deps.onError,
      ...(request.analyze ? { analyze: request.analyze } : {}),
      onSettled: () => this.forget(callId),
    });
    this.live.set(callId, { accountId, kind, call, abort, commands: request.commands ?? {} });
    const dial = {
      attemptId: callId, callId, accountId, caller, callee, attempt: 1, signal: abort.signal,
      ...(request.variables ? { variables: request.variables } : {}),
      ...(request.sessionTimeoutMs ? { sessionTimeoutMs: request.sessionTimeoutMs } : {}),
      ...(request.record === false ? { record: false } : {}),
    };
    await telephony.originate(dial, call).catch((err: unknown) => {
      // Never placed: the call ends here as a platform failure, so it does not stay "calling" for ever.
      call.ended({ result: 'OTHERS', statusCode: '999999', endAt: clock.now(), durationMs: 0, hangupBy: 'system', failureReason: `dial failed: ${String(err)}` });
    });
    return callId;
  }

  /**
   * HangupOperate: ends the account's live call, at once or once the prompt playing has finished; a call not yet
   * answered is cancelled. False when the call has already ended; NotFound when the account placed no such call.
   */
  async hangup(accountId: string, callId: string, immediate: boolean): Promise<boolean> {
    const live = this.live.get(callId);
    if (!live || live.accountId !== accountId) {
      if (await this.deps.store.getSingleCall(accountId, callId)) return false;
      throw new DomainError('NotFound', `The specified CallId "${callId}" does not exist.`, 'CallId');
    }
    const session = live.call.liveSession;
    if (!session) {
      live.abort.abort();
      return true;
    }
    if (!immediate) this.deps.onTerminating?.(callId);
    await (immediate ? session.hangup() : session.hangupAfterPrompt());
    return true;
  }

  /**
   * Sends a named command to the account's live call. NotFound when the account placed no such call; otherwise
   * the outcome says whether the call took it, and why not.
   */
  async command(accountId: string, callId: string, name: string, param: string | undefined): Promise<CommandOutcome> {
    const live = this.live.get(callId);
    if (live && live.accountId === accountId) {
      const command = Object.hasOwn(live.commands, name) ? live.commands[name] : undefined;
      if (!command) return { done: false, why: 'unsupported', kind: live.kind };
      return command(param) ? { done: true } : { done: false, why: 'refused', kind: live.kind };
    }
    const stored = await this.deps.store.getSingleCall(accountId, callId);
    if (!stored) throw new DomainError('NotFound', `The specified CallId "${callId}" does not exist.`, 'CallId');
    return { done: false, why: stored.endedAt !== undefined ? 'ended' : 'not-live', kind: stored.kind };
  }

  /** Resolves once every call in progress has ended and been written. */
  drain(): Promise<void> {
    if (this.live.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  private forget(callId: string): void {
    this.live.delete(callId);
    if (this.live.size > 0) return;
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }
}
