/**
 * The post-call analysis without a model: a Chinese summary put together from the turns (what our side offered, how
 * the callee reacted, how the call ended), the turn count, the major intent (the flow's own, else the agent's main
 * purpose graded by the callee's stance) and the tags (the flow's, plus ENUM tags matched by keywords).
 */
import type { AgentProfile } from '../agents/agent-profile.js';
import type { HangupBy } from '../../ports/call-session.js';
import { callStance, purposeValueFor, utteranceStance, type CallStance } from './call-analysis-stance.js';
import { matchOutputTags } from './call-analysis-tags.js';
import type { CallAnalysis, CallTag, DialogTurn, FlowReport } from './dialog.js';

/** What the analysis needs to know of how the call ended; a CallOutcome is one. */
export interface CallEnding {
  hangupBy: HangupBy;
  /** Talk time, ms. */
  durationMs: number;
  transferredTo?: string;
}

/** Callee turns that got an answer: those before our side's last turn (aiccs ConversationTurnCount). */
export function answeredTurnCount(turns: readonly DialogTurn[]): number {
  let lastAssistant = -1;
  turns.forEach((t, i) => {
    if (t.role === 'assistant') lastAssistant = i;
  });
  return turns.slice(0, lastAssistant + 1).filter((t) => t.role === 'user').length;
}

/** `text` cut to `max` characters, with an ellipsis when cut. */
function clip(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

function offered(turns: readonly DialogTurn[]): string {
  const first = turns.find((t) => t.role === 'assistant');
  if (!first) return '接通后我方未播放内容';
  if (/^\[.*\]$/u.test(first.content)) return `播放了语音文件${first.content}`;
  return `我方介绍：“${clip(first.content, 40)}”`;
}

const REACTION: Record<CallStance, string> = {
  agreement: '客户表示同意或有兴趣',
  refusal: '客户明确拒绝',
  other: '客户有回应但未明确表态',
  silent: '客户未作回应',
};

/** The callee's last utterance of the given stance, quoted. */
function quoted(turns: readonly DialogTurn[], stance: CallStance): string {
  const spoken = turns.filter((t) => t.role === 'user' && t.dtmf === undefined);
  const match = [...spoken].reverse().find((t) => stance === 'other' || utteranceStance(t.content) === stance) ?? spoken.at(-1);
  return match ? `（“${clip(match.content, 20)}”）` : '';
}

function reaction(turns: readonly DialogTurn[]): string {
  const keys = turns.filter((t) => t.dtmf !== undefined).map((t) => t.dtmf);
  const stance = callStance(turns);
  const parts: string[] = [];
  if (keys.length > 0) parts.push(`客户按键 ${keys.join('、')}`);
  if (stance !== 'silent' || keys.length === 0) parts.push(`${REACTION[stance]}${stance === 'silent' ? '' : quoted(turns, stance)}`);
  if (turns.some((t) => t.role === 'user' && utteranceStance(t.content) === 'question')) parts.push('客户询问了来电方');
  const cuts = turns.filter((t) => t.interrupted).length;
  if (cuts > 0) parts.push(`客户打断 ${cuts} 次`);
  return parts.join('，');
}

function ended(ending: CallEnding): string {
  if (ending.transferredTo) return '通话已转接人工';
  const by: Record<HangupBy, string> = { callee: '客户挂断', robot: '我方结束通话', system: '系统结束通话（超时或异常）' };
  return by[ending.hangupBy];
}

/** The rule-based summary of a call, in Chinese. */
export function ruleSummary(report: FlowReport, ending: CallEnding): string {
  const seconds = Math.round(ending.durationMs / 1000);
  const turns = answeredTurnCount(report.turns);
  return `${offered(report.turns)}；${reaction(report.turns)}；${ended(ending)}，共 ${turns} 轮对话，通话 ${seconds} 秒。`;
}

/** The flow's tags, plus ENUM tags of the agent it did not set, matched in the callee's words (the latest match wins). */
export function ruleTags(report: FlowReport, agent?: AgentProfile): CallTag[] {
  const tags = new Map<string, CallTag>();
  const open = (agent?.outputTags ?? []).filter((d) => !report.tags.some((t) => t.name === d.name));
  for (const turn of report.turns) {
    if (turn.role !== 'user' || turn.dtmf !== undefined) continue;
    for (const tag of matchOutputTags(open, turn.content, utteranceStance(turn.content))) tags.set(tag.name, tag);
  }
  return [...report.tags, ...tags.values()];
}

/** The whole rule-based analysis. */
export function analyzeByRules(report: FlowReport, ending: CallEnding, agent?: AgentProfile): CallAnalysis {
  const majorIntent = report.majorIntent ?? purposeValueFor(agent?.mainPurpose, callStance(report.turns));
  return {
    summary: ruleSummary(report, ending),
    ...(majorIntent !== undefined ? { majorIntent } : {}),
    tags: ruleTags(report, agent),
    turnCount: answeredTurnCount(report.turns),
    analyzedBy: 'rules',
  };
}
