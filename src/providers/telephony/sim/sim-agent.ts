/**
 * The simulated call-center agent who answers a bridge on the simulated carrier (SmartCallOperate parallelBridge,
 * callback `parallel_bridge`): a short, polite script — take over, note the callee's request, close — so a bridged
 * call shows the bridge and a few agent/callee turns in its dialog, and the persona on the callee side reacts to
 * each line as it would to any prompt.
 */
import type { AgentLeg } from '../../../flows/bridge-flow.js';

/** The name of the agent when the bridge names none. */
export const DEFAULT_SIM_AGENT = '人工坐席';

/** A scripted agent; one instance per bridge. */
export class SimAgent implements AgentLeg {
  readonly name: string;
  private turn = 0;
  private acknowledged = false;

  /** `who` is the cc_name or the agent number the bridge was asked for, when it named one. */
  constructor(who?: string) {
    const trimmed = who?.trim() ?? '';
    this.name = trimmed === '' ? DEFAULT_SIM_AGENT : `坐席 ${trimmed}`;
  }

  /** Greets, acknowledges what the callee said (or checks the line after a silence), then closes. */
  next(heard: string | undefined): { say: string; end?: boolean } {
    this.turn++;
    if (this.turn === 1) return { say: '您好，我是人工客服，刚才的通话内容我已经了解了，请问还有什么需要帮您处理的吗？' };
    if (heard !== undefined && !this.acknowledged) {
      this.acknowledged = true;
      return { say: '好的，您的情况我已经记录下来了，我们会尽快为您处理。' };
    }
    if (heard === undefined && this.turn === 2) return { say: '喂，您好，请问还能听到吗？' };
    return { say: '感谢您的耐心，祝您生活愉快，再见。', end: true };
  }
}
