/**
 * The bridged leg of a call: once a SmartCall is bridged to a call-center agent (SmartCallOperate parallelBridge, or
 * a callback reply `parallel_bridge` / `parallel_transfer`), the robot steps aside and the agent and the callee talk
 * until one of them hangs up. The flow plays the platform's transfer notice, then alternates: the agent speaks, the
 * callee answers. Agent lines are written into the call's dialog with the agent's name in front (`坐席 王芳：…`), so
 * the transcript tells the agent from the robot although both are our side (DialogRole `assistant`).
 *
 * Only the simulated carrier needs this flow: there the agent is simulated too (SimAgent). A SIP carrier would join
 * the two media legs instead and record nothing but the bridge.
 */
import { CallHungUpError, type CallSession, type HangupBy } from '../ports/call-session.js';

/** The agent on the other leg, as the bridge flow talks to it. */
export interface AgentLeg {
  /** Who answered: the cc_name, the agent number reached, or the platform's default agent. */
  readonly name: string;
  /**
   * What the agent says next. `heard` is the callee's last answer (undefined before the first line, or after a
   * silence); `end` means the agent hangs up once the line is said.
   */
  next(heard: string | undefined): { say: string; end?: boolean };
}

/** Settings of one bridge. */
export interface BridgeOptions {
  /** What the platform plays before the agent speaks; none when empty. */
  notice?: string;
  /** How long the agent waits for the callee after each line, ms; default 8000. */
  listenMs?: number;
  /** Agent lines after which the platform ends the bridge if the agent has not; default 12. */
  maxAgentTurns?: number;
}

/** How a bridge went. */
export interface BridgeReport {
  agent: string;
  agentTurns: number;
  calleeTurns: number;
  /** Who ended it: the agent (or the turn limit), the callee, or the platform (a limit, a cancel). */
  endedBy: 'agent' | HangupBy;
}

/** The notice played while the agent joins. */
export const BRIDGE_NOTICE = '正在为您转接人工坐席，请稍候。';

const DEFAULT_LISTEN_MS = 8000;
const DEFAULT_MAX_AGENT_TURNS = 12;

/** Runs the bridged conversation until a hang-up; a hang-up midway is reported, not thrown. */
export async function runBridge(session: CallSession, agent: AgentLeg, options: BridgeOptions = {}): Promise<BridgeReport> {
  const report: BridgeReport = { agent: agent.name, agentTurns: 0, calleeTurns: 0, endedBy: 'agent' };
  const notice = options.notice ?? BRIDGE_NOTICE;
  const maxTurns = options.maxAgentTurns ?? DEFAULT_MAX_AGENT_TURNS;
  try {
    if (notice !== '') await session.say(notice);
    let heard: string | undefined;
    while (report.agentTurns < maxTurns) {
      const line = agent.next(heard);
      await session.say(`${agent.name}：${line.say}`);
      report.agentTurns++;
      if (line.end === true) break;
      const answer = await session.listen({ timeoutMs: options.listenMs ?? DEFAULT_LISTEN_MS });
      heard = answer.text ?? answer.dtmf;
      if (heard !== undefined) report.calleeTurns++;
    }
    await session.hangup();
  } catch (error) {
    if (!(error instanceof CallHungUpError)) throw error;
    report.endedBy = error.hangup.by === 'robot' ? 'agent' : error.hangup.by;
  }
  return report;
}
