/**
 * The functions an LLM agent may call, and what calling them does: `hang_up` ends the call, `transfer_to_human` hands it
 * to the agent's transfer number (offered only when there is one), `set_tag` records an output tag or, under the main
 * purpose's name, the call's major intent. Arguments are checked against the agent's definitions: an ENUM value that is
 * not allowed is refused (the model is told the allowed ones), a tag name the agent does not define is ignored.
 */
import type { AgentProfile, OutputTagDefinition } from '../../core/agents/agent-profile.js';
import { tagOf } from '../../core/calls/call-analysis-tags.js';
import type { LlmMessage, LlmTool, LlmToolCall } from '../../ports/llm.js';
import type { BrainTurn, BrainVerdict } from './agent-brain.js';

/** Tool names, as the model sees them. */
export const TOOL = Object.freeze({ hangUp: 'hang_up', transfer: 'transfer_to_human', setTag: 'set_tag' });

/** The tools offered to the model for `profile`. */
export function agentTools(profile: AgentProfile): LlmTool[] {
  const tools: LlmTool[] = [
    { name: TOOL.hangUp, description: '礼貌道别之后结束通话。客户拒绝、要求挂断或通话目的已完成时调用。', parameters: { type: 'object', properties: {} } },
  ];
  if (profile.transferNumber) {
    tools.push({ name: TOOL.transfer, description: '把电话转接给人工客服。客户要求找人工时调用。', parameters: { type: 'object', properties: {} } });
  }
  const names = profile.outputTags.map((t) => t.name);
  if (profile.mainPurpose) names.push(profile.mainPurpose.name);
  if (names.length > 0) {
    tools.push({
      name: TOOL.setTag,
      description: '记录本次通话的一个标签或通话评级；枚举类型只能取规定的值。',
      parameters: {
        type: 'object',
        properties: { name: { type: 'string', enum: names, description: '标签名称' }, value: { type: 'string', description: '标签值' } },
        required: ['name', 'value'],
      },
    });
  }
  return tools;
}

/** What the tool calls of one answer did. */
export interface ToolsApplied {
  /** The `tool` messages answering each call, for the conversation history. */
  results: LlmMessage[];
  /** Hang up or transfer, when the model asked for one (the first such call wins). */
  verdict?: BrainVerdict;
  /** True when every call only recorded something: the model still owes the callee an answer. */
  onlyRecorded: boolean;
}

/** Applies the model's tool calls to the call; see the module comment. */
export function applyToolCalls(calls: readonly LlmToolCall[], profile: AgentProfile, turn: Pick<BrainTurn, 'tag' | 'setIntent'>): ToolsApplied {
  const applied: ToolsApplied = { results: [], onlyRecorded: calls.length > 0 };
  for (const call of calls) {
    const answer = (content: string) => applied.results.push({ role: 'tool', toolCallId: call.id, content });
    if (call.name === TOOL.setTag) {
      answer(setTag(call.arguments, profile, turn));
      continue;
    }
    applied.onlyRecorded = false;
    if (call.name === TOOL.hangUp) {
      applied.verdict ??= { next: 'hangup' };
      answer('通话将结束。');
    } else if (call.name === TOOL.transfer && profile.transferNumber) {
      applied.verdict ??= { next: 'transfer', number: profile.transferNumber };
      answer('正在转接人工客服。');
    } else {
      answer(`没有名为 ${call.name} 的工具，已忽略。`);
    }
  }
  return applied;
}

/** Records one tag (or the main purpose); returns the tool's answer to the model. */
function setTag(args: Record<string, unknown>, profile: AgentProfile, turn: Pick<BrainTurn, 'tag' | 'setIntent'>): string {
  const name = typeof args.name === 'string' ? args.name.trim() : '';
  const value = typeof args.value === 'string' ? args.value.trim() : '';
  const purpose = profile.mainPurpose;
  if (purpose && name === purpose.name) {
    if (!purpose.values.some((v) => v.value === value)) return refused(name, purpose.values.map((v) => v.value));
    turn.setIntent(value);
    return '已记录。';
  }
  const definition = profile.outputTags.find((t) => t.name === name);
  if (!definition) return `没有名为“${name}”的标签，已忽略。`;
  if (!allowed(definition, value)) return refused(name, definition.values.map((v) => v.value));
  turn.tag(tagOf(definition, value));
  return '已记录。';
}

/** An ENUM tag takes one of its values; a TEXT tag any text that is not empty. */
function allowed(definition: OutputTagDefinition, value: string): boolean {
  if (value === '') return false;
  return definition.type === 'TEXT' || definition.values.some((v) => v.value === value);
}

function refused(name: string, values: string[]): string {
  return `“${name}”不能取这个值，可选值：${values.join('、')}。未记录。`;
}
