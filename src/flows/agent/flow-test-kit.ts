/**
 * Test helpers of the flows: run a flow on one answered simulated call (13800000015 always answers and never hangs
 * up by itself) against a scripted callee, on the virtual clock, through the recording session the dialer uses.
 */
import type { AgentProfile } from '../../core/agents/agent-profile.js';
import type { FlowReport } from '../../core/calls/dialog.js';
import type { CalleeAction, SimCallee } from '../../providers/telephony/sim/sim-callee.js';
import { ScriptedCallee } from '../../providers/telephony/sim/sim-callee.js';
import type { SimCallSession, SimTurn } from '../../providers/telephony/sim/sim-call-session.js';
import { speechMs } from '../../providers/telephony/sim/sim-speech.js';
import { dial, runCall, T0 } from '../../providers/telephony/sim/sim-test-kit.js';
import { SimTelephony } from '../../providers/telephony/sim/sim-telephony.js';
import { VirtualClock } from '../../ports/clock.js';
import type { CallOutcome } from '../../ports/telephony.js';
import { RecordingSession } from '../recording-session.js';

/** What a flow run on the simulator gave. */
export interface SimRun<T> {
  result: T;
  report: FlowReport;
  outcome: CallOutcome;
  /** The simulator's own transcript, times relative to the answer. */
  transcript: [kind: SimTurn['kind'], text: string | undefined, atMs: number][];
  clock: VirtualClock;
}

/** Options of a simulated run. */
export interface SimRunOptions {
  /** Keeps virtual time from jumping while real I/O is in flight (a local HTTP server). */
  isBusy?: () => boolean;
  /** The clock to run on; a fresh one at T0 when absent. */
  clock?: VirtualClock;
}

/** Runs `flow` on one answered simulated call with `callee` on the other end. */
export async function runOnSim<T>(
  callee: SimCallee,
  flow: (session: RecordingSession, clock: VirtualClock) => Promise<T>,
  options: SimRunOptions = {},
): Promise<SimRun<T>> {
  const clock = options.clock ?? new VirtualClock(T0, options.isBusy ? { isBusy: options.isBusy } : {});
  const sim = new SimTelephony({ clock, ledger: { record: () => {} }, timeScale: 1, seed: 7, callees: () => callee });
  let result: T | undefined;
  let report: FlowReport | undefined;
  const call = await runCall({ clock, ledger: [], sim }, dial('13800000015'), async (session) => {
    const recording = new RecordingSession(session, clock);
    try {
      result = await flow(recording, clock);
    } finally {
      report = recording.report();
    }
  });
  await clock.runUntil(() => report !== undefined);
  const answerAt = call.outcome.answerAt ?? 0;
  const transcript = (call.session as SimCallSession).transcript.map((t): SimRun<T>['transcript'][number] => [t.kind, t.text, t.at - answerAt]);
  return { result: result as T, report: report as FlowReport, outcome: call.outcome, transcript, clock };
}

/** A callee that plays back `actions`, one per prompt or silence it notices. */
export const scripted = (...actions: CalleeAction[]): ScriptedCallee => new ScriptedCallee(actions);

/** The callee says `text` once the prompt `heard` has been spoken, plus `pauseMs`: an answer, not a barge-in. */
export const answer = (heard: string, text: string, pauseMs = 300): CalleeAction => ({ kind: 'say', text, afterMs: speechMs(heard) + pauseMs });

/** The callee stays silent at this cue. */
export const silent: CalleeAction = { kind: 'silence' };

/** [role, content] of each recorded turn, with the marks that matter (cut, interrupted, dtmf). */
export function turnsOf(report: FlowReport): string[] {
  return report.turns.map((t) => `${t.role}: ${t.content}${t.cut ? ' [cut]' : ''}${t.interrupted ? ' [interrupted]' : ''}`);
}

/** An insurance-sales agent with two steps, one ENUM tag, a main purpose graded A..D and a transfer number. */
export const INSURANCE_AGENT: AgentProfile = Object.freeze<AgentProfile>({
  ref: 'agent-1',
  name: '云保险的小云',
  prompt: '你是云保险的电话销售小云，语气${style}，向${name}介绍一款医疗险。',
  startWord: '${name}您好，我是云保险的小云，想给您介绍一款医疗险，您有兴趣了解一下吗？',
  childTasks: [
    { name: '产品介绍', description: '这款医疗险每月只要十元，保障一百种疾病。' },
    { name: '邀约', description: '我稍后把详情短信发给您，可以吗？' },
  ],
  outputTags: [
    { name: '客户意向度', type: 'ENUM', description: '客户对产品的兴趣', values: [{ value: '高', description: '非常积极' }, { value: '中' }, { value: '低', description: '无意向' }] },
    { name: '客户年龄段', type: 'TEXT', values: [] },
  ],
  mainPurpose: { name: '通话效果评级', description: 'A 最好', values: [{ value: 'A' }, { value: 'B' }, { value: 'C' }, { value: 'D' }] },
  transferNumber: '4001234567',
});

/** The variables of a call to INSURANCE_AGENT. */
export const CALL_VARIABLES = Object.freeze({ name: '张先生', style: '亲切' });
