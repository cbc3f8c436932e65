/**
 * The agent conversation (aiccs LlmSmartCall, AI voice agent tasks): say the start word, then listen and answer until
 * the brain hangs up or transfers, the callee stays silent too often, or the session time is up.
 * - End of an utterance (aiccs PauseTime) is the telephony adapter's voice detection; the flow sees whole utterances.
 * - Silence (MuteDuration): a wait of `muteTimeMs` with nothing heard. The first `muteHangupCount - 1` consecutive
 *   silences get a reprompt; the next one a goodbye and a hang-up. Anything heard resets the count.
 * - The start word plays whole; everything after it may be cut by the callee (barge-in), and a cut answer aborts the
 *   brain's request. The utterance that cut it is recorded as `interrupted` and answered next.
 * - Session time (SessionTimeout) runs from the start of the flow; when it is up the call is hung up wherever it is.
 * The time from the end of each utterance to the first sentence handed to speech is measured (`replyLatenciesMs`),
 * on `stopwatch`: that is the figure the agent latency benchmark reports.
 */
import type { CallTag } from '../../core/calls/dialog.js';
import type { AgentProfile } from '../../core/agents/agent-profile.js';
import { CallHungUpError, type CallSession, type ListenResult, type SayOptions } from '../../ports/call-session.js';
import type { Clock } from '../../ports/clock.js';
import { sayOptionsOf } from '../notify-flow.js';
import type { AgentBrain, BrainKind, BrainTurn, BrainVerdict, Heard } from './agent-brain.js';

/** A call session on which the flow can also note tags and the intent (the RecordingSession is one). */
export type AgentSession = CallSession & { tag(tag: CallTag): void; setIntent(intent: string): void };

/** Settings of an agent call. */
export interface AgentFlowOptions {
  profile: AgentProfile;
  brain: AgentBrain;
  /** Silence tolerated before a reprompt (aiccs MuteDuration, 3..15 s); default 10 000 ms. */
  muteTimeMs?: number;
  /** Consecutive silences after which the agent hangs up (aiccs MuteHangupNum, 1..5); default 2. */
  muteHangupCount?: number;
  /** Longest conversation (aiccs SessionTimeout); default 600 000 ms. */
  sessionTimeoutMs?: number;
  /** Said after a silence; default {@link AGENT_LINES}.reprompt. */
  repromptLine?: string;
  /** Said before hanging up after the last silence; default {@link AGENT_LINES}.silenceBye. */
  silenceByeLine?: string;
}

/** What the flow needs from outside. */
export interface AgentFlowDeps {
  /** The engine clock: session time runs on it. */
  clock: Clock;
  /** Measures reply latency; default the clock's `now`. A benchmark passes `performance.now`. */
  stopwatch?: () => number;
}

/** How an agent call ended. */
export type AgentEnding = 'hangup' | 'transfer' | 'silence' | 'session-timeout' | 'callee-hangup';

/** What happened on an agent call, besides the dialog the recording session keeps. */
export interface AgentFlowReport {
  brain: BrainKind;
  ending: AgentEnding;
  /** Per answered utterance: time from its end to the first sentence handed to speech (stopwatch units). */
  replyLatenciesMs: number[];
  /** Silences in the call, in total. */
  silences: number;
}

/** The flow's own lines. */
export const AGENT_LINES = Object.freeze({
  reprompt: '喂，您好，请问您还在听吗？',
  silenceBye: '那我先不打扰您了，再见。',
});

const DEFAULTS = { muteTimeMs: 10_000, muteHangupCount: 2, sessionTimeoutMs: 600_000 };

/** Runs the agent conversation on an answered call; a hang-up midway is reported, not thrown. */
export async function runAgent(session: AgentSession, options: AgentFlowOptions, deps: AgentFlowDeps): Promise<AgentFlowReport> {
  const run = new AgentRun(session, options, deps);
  return run.start();
}

/** One call's conversation; see the module comment. */
class AgentRun {
  private readonly report: AgentFlowReport;
  private readonly sayOptions: { opening: SayOptions; answer: SayOptions };
  private readonly stopwatch: () => number;
  private timedOut = false;
  /** Aborts the brain's current answer: the callee cut it, or the call ended. */
  private answer: AbortController | undefined;

  constructor(
    private readonly session: AgentSession,
    private readonly options: AgentFlowOptions,
    private readonly deps: AgentFlowDeps,
  ) {
    this.report = { brain: options.brain.kind, ending: 'callee-hangup', replyLatenciesMs: [], silences: 0 };
    const voice = { voice: options.profile.voice, speed: options.profile.speed, volume: options.profile.volume };
    this.sayOptions = { opening: sayOptionsOf(voice, false), answer: sayOptionsOf(voice, true) };
    this.stopwatch = deps.stopwatch ?? (() => deps.clock.now());
  }

  /** Runs to the end of the call. */
  async start(): Promise<AgentFlowReport> {
    const limit = this.options.sessionTimeoutMs ?? DEFAULTS.sessionTimeoutMs;
    const cancelTimeout = this.deps.clock.after(limit, () => {
      this.timedOut = true;
      void this.session.hangup();
    });
    void this.session.hungUp.then(() => this.answer?.abort());
    try {
      this.report.ending = await this.converse();
    } catch (error) {
      if (!(error instanceof CallHungUpError)) throw error;
      this.report.ending = this.timedOut ? 'session-timeout' : 'callee-hangup';
    } finally {
      cancelTimeout();
    }
    return this.report;
  }

  /** The conversation loop; returns how the flow ended it, throws CallHungUpError when the call ended otherwise. */
  private async converse(): Promise<AgentEnding> {
    const { brain } = this.options;
    const opening = brain.opening();
    if (opening !== '') await this.session.say(opening, this.sayOptions.opening);
    const muteTimeMs = this.options.muteTimeMs ?? DEFAULTS.muteTimeMs;
    const maxSilences = Math.max(1, this.options.muteHangupCount ?? DEFAULTS.muteHangupCount);
    let silences = 0;
    for (;;) {
      const heard = await this.session.listen({ timeoutMs: muteTimeMs });
      const text = heardText(heard);
      if (text === undefined) {
        silences++;
        this.report.silences++;
        if (silences >= maxSilences) return this.hangUp(this.options.silenceByeLine ?? AGENT_LINES.silenceBye, 'silence');
        await this.session.say(this.options.repromptLine ?? AGENT_LINES.reprompt, this.sayOptions.answer);
        continue;
      }
      silences = 0;
      const verdict = await this.answerTo({ text, bargedIn: heard.bargedIn === true });
      if (verdict.next === 'hangup') return this.hangUp('', 'hangup');
      if (verdict.next === 'transfer') {
        await this.session.transfer(verdict.number);
        return 'transfer';
      }
    }
  }

  /** Hands one utterance to the brain with a turn whose speech is measured and may be cut. */
  private answerTo(heard: Heard): Promise<BrainVerdict> {
    const startedAt = this.stopwatch();
    const controller = new AbortController();
    this.answer = controller;
    let measured = false;
    const turn: BrainTurn = {
      signal: controller.signal,
      say: async (text) => {
        if (controller.signal.aborted) return false;
        if (!measured) {
          measured = true;
          this.report.replyLatenciesMs.push(this.stopwatch() - startedAt);
        }
        const { completed } = await this.session.say(text, this.sayOptions.answer);
        if (!completed) controller.abort();
        return completed;
      },
      tag: (tag) => this.session.tag(tag),
      setIntent: (intent) => this.session.setIntent(intent),
    };
    return this.options.brain.respond(heard, turn);
  }

  private async hangUp(line: string, ending: AgentEnding): Promise<AgentEnding> {
    if (line !== '') await this.session.say(line, this.sayOptions.opening);
    await this.session.hangup();
    return ending;
  }
}

/** The words heard, key presses written as `（按键 n）`; undefined when nothing came. */
function heardText(heard: ListenResult): string | undefined {
  if (heard.text !== undefined && heard.text.trim() !== '') return heard.text;
  if (heard.dtmf !== undefined && heard.dtmf !== '') return `（按键 ${heard.dtmf}）`;
  return undefined;
}
