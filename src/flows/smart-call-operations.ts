/**
 * SmartCallOperate on a live SmartCall: a decorator of the call's callback hook through which an ordered bridge
 * reaches the flow. The SmartCall flow decides what to do at each turn by asking the customer's callback, so an
 * ordered `parallelBridge` is delivered as that turn's answer: the next event the flow sends (the callee finished
 * speaking, stayed silent for mute_time, pressed keys) is answered `parallel_bridge` at once, without asking the
 * customer, and the flow bridges the callee exactly as if the customer had asked. An event already on its way to
 * the customer when the order comes has its answer replaced. A prompt playing is heard to its end first, so the
 * bridge waits at most one turn: the prompt, then the callee's answer or mute_time.
 */
import type { HookReply, SmartCallEvent, SmartCallHook } from '../ports/smart-call-hook.js';

/** What SmartCallOperate asked for: Param, taken as the agent to reach (cc_name or agent number); may be empty. */
export interface BridgeOrder {
  agent?: string;
}

/** Where the call stands with respect to a bridge. */
export type BridgeStage = 'none' | 'ordered' | 'bridging' | 'over';

/** The decorating hook; see the module comment. */
export class SmartCallOperations implements SmartCallHook {
  private stage: BridgeStage = 'none';
  private order: BridgeOrder | undefined;

  constructor(private readonly inner: SmartCallHook) {}

  /** The bridge ordered or under way, if any. */
  get ordered(): BridgeOrder | undefined {
    return this.order;
  }

  /** Where the call stands. */
  get current(): BridgeStage {
    return this.stage;
  }

  /** Orders a bridge at the next turn; false when one is already ordered or done, or the flow is over. */
  orderBridge(order: BridgeOrder): boolean {
    if (this.stage !== 'none') return false;
    this.order = order;
    this.stage = 'ordered';
    return true;
  }

  /** The flow has finished: later orders are refused. */
  close(): void {
    this.stage = 'over';
  }

  /** Answers with the ordered bridge, else asks the customer (and still bridges if the order came meanwhile). */
  async send(event: SmartCallEvent, signal?: AbortSignal): Promise<HookReply> {
    if (this.stage === 'ordered') return this.bridgeReply(event);
    const reply = await this.inner.send(event, signal);
    // The stage may have changed while the customer's server was answering.
    if ((this.stage as BridgeStage) === 'ordered' && signal?.aborted !== true) return this.bridgeReply(event);
    return reply;
  }

  private bridgeReply(event: SmartCallEvent): HookReply {
    this.stage = 'bridging';
    const agent = this.order?.agent?.trim();
    const data = { call_id: event.callId, action: 'parallel_bridge', ...(agent ? { cc_name: agent } : {}) };
    return { ok: true, body: { result: 'success', msg: 'SmartCallOperate parallelBridge', data } };
  }
}
