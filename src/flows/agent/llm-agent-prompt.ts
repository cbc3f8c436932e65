/**
 * The system prompt of an LLM agent call: the agent's own instructions (placeholders filled with the call's
 * variables), then what the platform adds so the model can do its job on a phone line: the steps to get through,
 * the tags and the call grade to record (with their allowed values), and the rules of speaking on the phone.
 */
import type { AgentProfile, EnumValue, OutputTagDefinition } from '../../core/agents/agent-profile.js';
import { fillTemplate } from '../../core/templates.js';
import { TOOL } from './agent-tools.js';

/** `值（说明）` for each allowed value. */
function valueList(values: readonly EnumValue[]): string {
  return values.map((v) => (v.description ? `${v.value}（${v.description}）` : v.value)).join('；');
}

function tagLine(tag: OutputTagDefinition): string {
  const about = tag.description ? `：${tag.description}` : '';
  return tag.type === 'ENUM' ? `- ${tag.name}${about}。可选值：${valueList(tag.values)}` : `- ${tag.name}${about}。填写简短文字。`;
}

function stepsSection(profile: AgentProfile, variables: Readonly<Record<string, string>>): string[] {
  if (profile.childTasks.length === 0) return [];
  const steps = profile.childTasks.map((t, i) => `${i + 1}. ${t.name}：${fillTemplate(t.description, variables).text}`);
  return ['', '## 通话步骤（按顺序完成）', ...steps];
}

function recordSection(profile: AgentProfile): string[] {
  const lines: string[] = [];
  if (profile.outputTags.length > 0) {
    lines.push('', `## 需要记录的标签（了解到后调用 ${TOOL.setTag}，name 用标签名称）`, ...profile.outputTags.map(tagLine));
  }
  const purpose = profile.mainPurpose;
  if (purpose) {
    const about = purpose.description ? `：${purpose.description}` : '';
    lines.push('', `## 通话评级（结束通话前调用 ${TOOL.setTag}，name 为“${purpose.name}”）`, `- ${purpose.name}${about}。可选值：${valueList(purpose.values)}`);
  }
  return lines;
}

function phoneRules(profile: AgentProfile): string[] {
  return [
    '',
    '## 电话沟通规则',
    '- 你正在打电话，你说的话会被转成语音播放给客户：每次只说一到两句短句，口语化，先说最重要的内容。',
    '- 不要使用列表、编号、表情、Markdown 或括号注释，不要念出网址和代码。',
    '- 客户打断你时，先回应客户刚说的话。',
    '- 不知道的信息不要编造，可以说稍后由工作人员联系。',
    `- 客户明确拒绝、要求挂断或事情已办完时，先礼貌道别，再调用 ${TOOL.hangUp}。`,
    ...(profile.transferNumber ? [`- 客户要求人工服务时，先告诉客户正在转接，再调用 ${TOOL.transfer}。`] : ['- 目前没有人工客服可以转接。']),
  ];
}

/** The system prompt for one call of `profile`. */
export function agentSystemPrompt(profile: AgentProfile, variables: Readonly<Record<string, string>>): string {
  const own = fillTemplate(profile.prompt, variables).text.trim();
  const lines = [own !== '' ? own : `你是${profile.name}，正在给客户打电话。`, '', `你的名字：${profile.name}`];
  lines.push(...stepsSection(profile, variables), ...recordSection(profile), ...phoneRules(profile));
  return lines.join('\n');
}
