/**
 * Test calls by text: the console's way to talk to an AI voice agent, an LLM application or a robot before any task
 * uses it. The conversation is the flow a real call would run (planned by the same planner, wrapped in the same
 * recording session, analysed the same way), on a TextCallSession instead of a carrier's.
 * - Sessions live in this process's memory only: an idle one (no input for IDLE_MS) is ended and forgotten the next
 *   time any test call is touched, and an account has at most MAX_PER_ACCOUNT open at once.
 * - Ids are random (not guessable from another), and a session is only found with the account that started it.
 */
import { randomBytes } from 'node:crypto';
import type { CallAnalysis, FlowReport } from '../calls/dialog.js';
import { DYVMS_STATUS_CODE } from '../calls/call-result.js';
import { DomainError } from '../errors.js';
import type { CallSession } from '../../ports/call-session.js';
import type { CallOutcome } from '../../ports/telephony.js';
import { TextCallSession, type TesterInput } from './text-call-session.js';

/** Idle time after which a test call is ended. */
export const IDLE_MS = 10 * 60_000;
/** Open test calls per account. */
export const MAX_PER_ACCOUNT = 20;
/** Longest wait for the bot to finish talking before an answer goes back with what it said so far. */
const REPLY_WAIT_MS = 60_000;

/** What is being tried. */
export type TestCallTarget = { kind: 'agent'; agentId: string } | { kind: 'application'; code: string } | { kind: 'robot'; dialogId: string };

/** A target's conversation, as a real call would run it. */
export interface TestCallFlow {
  /** Runs the flow on `session` (recording it); resolves with the record when the flow is done. */
  run(session: CallSession): Promise<FlowReport>;
  analyze(report: FlowReport, outcome: CallOutcome): Promise<CallAnalysis>;
}

/** Plans a target's flow; NotFound (naming the parameter) when the account has no such target. */
export type TestCallPlanner = (accountId: string, target: TestCallTarget, variables: Readonly<Record<string, string>>) => Promise<TestCallFlow>;

/** What the bot did since the tester's last input. */
export interface TestCallView {
  id: string;
  messages: string[];
  ended: boolean;
  /** Who ended the call, once ended. */
  endedBy?: string;
  transferredTo?: string;
  /** The call's analysis, once ended (absent when the flow failed). */
  analysis?: CallAnalysis;
}

export interface AgentTestCallDeps {
  plan: TestCallPlanner;
  clock: { now(): number };
  /** Random session ids; default 16 random bytes in hex. */
  newId?: () => string;
}

interface Entry {
  accountId: string;
  session: TextCallSession;
  lastUsedAt: number;
  /** Settles once the flow is done and the call analysed. */
  finished: Promise<CallAnalysis | undefined>;
}

/** The test calls of this process; see the module comment. */
export class AgentTestCalls {
  private readonly calls = new Map<string, Entry>();
  private readonly newId: () => string;

  constructor(private readonly deps: AgentTestCallDeps) {
    this.newId = deps.newId ?? (() => randomBytes(16).toString('hex'));
  }

  /** Starts a test call; the view holds what the bot said before it first listened. */
  async start(accountId: string, target: TestCallTarget, variables: Readonly<Record<string, string>>): Promise<TestCallView> {
    this.sweep();
    const open = [...this.calls.values()].filter((e) => e.accountId === accountId).length;
    if (open >= MAX_PER_ACCOUNT) {
      throw new DomainError('InvalidState', `an account may have ${MAX_PER_ACCOUNT} test calls open at once; end one with EndAgentTestCall first`);
    }
    const flow = await this.deps.plan(accountId, target, variables);
    const id = this.newId();
    const session = new TextCallSession(`test^${id}`, variables, () => this.deps.clock.now());
    const entry: Entry = { accountId, session, lastUsedAt: this.deps.clock.now(), finished: this.run(flow, session) };
    this.calls.set(id, entry);
    return this.reply(id, entry);
  }

  /** Hands the tester's input to the bot; the view holds its answer. */
  async send(accountId: string, id: string, input: TesterInput): Promise<TestCallView> {
    const entry = this.find(accountId, id);
    entry.session.input(input);
    entry.lastUsedAt = this.deps.clock.now();
    return this.reply(id, entry);
  }

  /** The tester hangs up; the view holds the analysis. */
  async end(accountId: string, id: string): Promise<TestCallView> {
    const entry = this.find(accountId, id);
    entry.session.end('callee');
    return this.reply(id, entry);
  }

  /** Open test calls (of every account). */
  get size(): number {
    return this.calls.size;
  }

  private find(accountId: string, id: string): Entry {
    this.sweep();
    const entry = this.calls.get(id);
    if (!entry || entry.accountId !== accountId) throw new DomainError('NotFound', `The test call "${id}" does not exist (it ended, idled out, or was never started).`, 'TestCallId');
    return entry;
  }

  /** Ends and forgets the test calls idle for IDLE_MS. */
  private sweep(): void {
    const now = this.deps.clock.now();
    for (const [id, entry] of this.calls) {
      if (now - entry.lastUsedAt < IDLE_MS) continue;
      entry.session.end('system', 'the test call was idle too long');
      this.calls.delete(id);
    }
  }

  /** Waits for the bot to listen or the call to end, then reports; an ended call is forgotten. */
  private async reply(id: string, entry: Entry): Promise<TestCallView> {
    const { session } = entry;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([session.nextPause(), new Promise<void>((resolve) => (timer = setTimeout(resolve, REPLY_WAIT_MS)))]);
    clearTimeout(timer);
    if (!session.isHungUp) return { id, messages: session.drain(), ended: false };
    const analysis = await entry.finished;
    this.calls.delete(id);
    const ending = session.ending;
    return {
      id,
      messages: session.drain(),
      ended: true,
      ...(ending ? { endedBy: ending.by } : {}),
      ...(session.transferredTo !== undefined ? { transferredTo: session.transferredTo } : {}),
      ...(analysis ? { analysis } : {}),
    };
  }

  /** Runs the flow to its end; a flow that returns without hanging up ends the call, as on a carrier. */
  private async run(flow: TestCallFlow, session: TextCallSession): Promise<CallAnalysis | undefined> {
    const answerAt = this.deps.clock.now();
    let report: FlowReport;
    try {
      report = await flow.run(session);
    } catch (error) {
      session.end('system', `the flow failed: ${String(error)}`);
      return undefined;
    }
    session.end('robot');
    const ending = session.ending ?? { by: 'robot' as const, at: this.deps.clock.now() };
    const outcome: CallOutcome = {
      result: 'ANSWERED', statusCode: DYVMS_STATUS_CODE.ANSWERED, answerAt, endAt: ending.at, durationMs: Math.max(0, ending.at - answerAt),
      hangupBy: ending.by, ...(session.transferredTo !== undefined ? { transferredTo: session.transferredTo } : {}),
      ...(ending.reason !== undefined ? { failureReason: ending.reason } : {}),
    };
    return flow.analyze(report, outcome).catch(() => undefined);
  }
}
