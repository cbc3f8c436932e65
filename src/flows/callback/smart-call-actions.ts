/**
 * Carrying out the customer's reply on the call. How each action reads on a session whose prompts are awaited
 * (the real platform receives the reply while the prompt may still be playing):
 * - `play` plays action_code (a prompt cut by the callee before is dropped);
 * - `break` lets a barge-in's cut stand: the interrupted prompt is not resumed;
 * - `continue` and `donothing` leave the prompt playing, as nothing stopped it on the real platform: a prompt the
 *   callee cut is resumed from the item that was cut (the session cannot resume mid-item); otherwise they listen on;
 * - `hangup`, `transfer`, `dtmf`, `parallel_bridge` / `parallel_transfer` first play action_code when given;
 * - `dtmf` collects keys with the reply's settings and reports them in a `dtmf` event;
 * - `parallel_bridge` / `parallel_transfer` go through the ParallelBridge hook; when it is missing or fails, a
 *   `parallel_transfer` event with transfer_status `fail` tells the customer, and the robot keeps the call.
 */
import { CallHungUpError, type CallSession } from '../../ports/call-session.js';
import type { SmartCallEvent } from '../../ports/smart-call-hook.js';
import type { RecordingSession } from '../recording-session.js';
import type { ParallelSettings, SmartCallReply } from './hook-reply.js';
import type { Playback, PromptPlayer } from './prompt-player.js';
import type { EventFactory } from './smart-call-events.js';
import { promptItems, type Prompt } from './voice-code.js';

/** How a SmartCall ended: by a reply's action, by the failure policy, by the callee or by the platform (a limit). */
export type SmartCallEnd = 'hangup' | 'transfer' | 'bridge' | 'callback-unavailable' | 'callee' | 'platform';

/** What the flow does next: listen to the callee, send a follow-up event, or stop. */
export type Next = { kind: 'listen' } | { kind: 'event'; event: SmartCallEvent } | { kind: 'end'; end: SmartCallEnd };

/** What a parallel bridge is asked to do. */
export interface BridgeRequest {
  callId: string;
  action: 'parallel_bridge' | 'parallel_transfer';
  settings: ParallelSettings;
}

/** Connects the callee to a call-center agent; resolves with the agent reached, rejects when it cannot. */
export type ParallelBridge = (session: CallSession, request: BridgeRequest) => Promise<{ agent: string }>;

/** The simulator's bridge: a plain transfer to the configured agent number. */
export function bridgeByTransfer(agentNumber: string): ParallelBridge {
  return async (session) => {
    await session.transfer(agentNumber);
    return { agent: agentNumber };
  };
}

/** What replies change and the next events read. */
export interface CallState {
  muteTimeMs: number;
  dynamicId: string | undefined;
  /** The prompt played last. */
  last: Playback | undefined;
  /** A prompt the callee cut, until a reply decides whether it goes on. */
  interrupted: Playback | undefined;
}

/** What carrying out actions needs. */
export interface ActionDeps {
  session: RecordingSession;
  player: PromptPlayer;
  events: EventFactory;
  state: CallState;
  /** action_code_time_break when a reply gives none: the request's ActionCodeTimeBreak. */
  defaultTimeBreakMs: number;
  /** Notes something the customer should know (missing TTS variables), as a tag of the call. */
  warn: (message: string) => void;
  bridge?: ParallelBridge;
}

const LISTEN: Next = Object.freeze({ kind: 'listen' });

/** Carries out replies; see the module comment. */
export class ActionRunner {
  constructor(private readonly deps: ActionDeps) {}

  /** Carries out one reply's action. */
  async carryOut(reply: SmartCallReply): Promise<Next> {
    const { state, session } = this.deps;
    switch (reply.action) {
      case 'play':
        state.interrupted = undefined;
        await this.playTurn(this.prompt(reply));
        return LISTEN;
      case 'break':
        state.interrupted = undefined;
        return LISTEN;
      case 'continue':
      case 'donothing':
        await this.resume();
        return LISTEN;
      case 'hangup':
        await this.preface(reply);
        await session.hangup();
        return { kind: 'end', end: 'hangup' };
      case 'transfer':
        await this.preface(reply);
        await session.transfer(reply.number ?? '');
        return { kind: 'end', end: 'transfer' };
      case 'dtmf':
        return this.collect(reply);
      default:
        return this.bridge(reply, reply.action);
    }
  }

  /** Resumes a prompt the callee cut, from the cut item: what happens when no reply said `break`. */
  async resume(): Promise<void> {
    const cut = this.deps.state.interrupted;
    this.deps.state.interrupted = undefined;
    if (cut?.cut) await this.playTurn(cut.prompt, cut.cut.index);
  }

  /** Plays a prompt whose cut the next reply decides about (the opening, `play`, a resume). */
  async playTurn(prompt: Prompt, from = 0): Promise<void> {
    const playback = await this.deps.player.play(prompt, from);
    this.deps.state.last = playback;
    if (playback.cut) this.deps.state.interrupted = playback;
  }

  /** The reply's action_code as a prompt with its barge-in settings. */
  private prompt(reply: SmartCallReply): Prompt {
    const { items, missing } = promptItems(reply.actionCode, reply.actionCodeParam);
    if (missing.length > 0) this.deps.warn(`no action_code_param for ${missing.join(', ')}; spoken as empty`);
    return { items, breakable: reply.breakable ?? true, timeBreakMs: reply.timeBreakMs ?? this.deps.defaultTimeBreakMs };
  }

  /** An action's own prompt before it acts; a cut one is not resumed, the action goes ahead. */
  private async preface(reply: SmartCallReply): Promise<void> {
    this.deps.state.interrupted = undefined;
    const prompt = this.prompt(reply);
    if (prompt.items.length > 0) this.deps.state.last = await this.deps.player.play(prompt);
  }

  private async collect(reply: SmartCallReply): Promise<Next> {
    await this.preface(reply);
    const { timeoutMs, maxDigits, terminator } = reply.dtmf;
    const keys = await this.deps.session.collectDtmf({ timeoutMs, maxDigits, ...(terminator ? { terminator } : {}) });
    return { kind: 'event', event: this.deps.events.dtmf(keys.digits) };
  }

  private async bridge(reply: SmartCallReply, action: BridgeRequest['action']): Promise<Next> {
    const { session, bridge } = this.deps;
    await this.preface(reply);
    if (!bridge) return this.bridgeFailed('no call-center agent is configured');
    try {
      const { agent } = await bridge(session, { callId: session.callId, action, settings: reply.parallel });
      session.tag({ name: 'parallel_bridge', value: agent });
      return session.isHungUp ? { kind: 'end', end: 'bridge' } : LISTEN;
    } catch (error) {
      if (error instanceof CallHungUpError) throw error;
      return this.bridgeFailed(error instanceof Error ? error.message : String(error));
    }
  }

  private bridgeFailed(cause: string): Next {
    this.deps.session.tag({ name: 'parallel_bridge', value: `failed: ${cause}` });
    return { kind: 'event', event: this.deps.events.parallelTransferFailed(cause) };
  }
}
